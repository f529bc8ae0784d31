import { expect, test } from "@playwright/test";
import { PHONE, expectTotal, search } from "./support";

test.describe("without client JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search, filter with the apply button, find an author, change page and sort", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "检索词" }).fill("江城");
    await page.getByRole("button", { name: "检索", exact: true }).click();
    await expectTotal(page, 38);

    await page.getByTestId("facet-topic").getByRole("checkbox", { name: /^经济/ }).check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expectTotal(page, 10);
    await expect(page.getByTestId("active-filters")).toContainText("经济");

    await page.getByRole("searchbox", { name: "查找作者" }).fill("李静");
    await page.getByRole("button", { name: "查找", exact: true }).click();
    const authors = page.getByTestId("facet-authors").getByRole("checkbox");
    await expect(authors.first()).toHaveAccessibleName(/^李静\s*，/);
    await authors.first().check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/author=%E6%9D%8E%E9%9D%99/);
    await expect(page.getByTestId("active-filters")).toContainText("李静");

    await page.getByRole("link", { name: "按最早排序" }).click();
    await expect(page).toHaveURL(/sort=oldest/);
    await page.getByTestId("active-filters").getByRole("link", { name: "清除全部" }).click();
    await expectTotal(page, 38);
  });

  test("an author with no article answers 404 with the page rendered on the server", async ({ page, request }) => {
    for (const path of [`/authors/${encodeURIComponent("无此作者")}`, `/authors/${encodeURIComponent("王明远")}?paper=${encodeURIComponent("无此报纸")}`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain("找不到这位作者");
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "找不到这位作者" })).toBeVisible();
      await expect(page.getByRole("main").getByRole("link", { name: "作者名录" })).toHaveAttribute("href", "/authors");
    }
    const known = await request.get(`/authors/${encodeURIComponent("王明远")}?paper=${encodeURIComponent("江城日报")}`);
    expect(known.status()).toBe(200);
    expect(await known.text()).toContain("王明远");
  });

  test("on a phone the filters are simply shown", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(search("江城"));
    await expect(page.getByTestId("facet-topic").getByRole("checkbox", { name: /^经济/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^筛选/ })).toBeHidden();
    await context.close();
  });
});

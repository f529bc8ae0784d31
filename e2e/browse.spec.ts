import { expect, test } from "@playwright/test";
import { screenshot } from "./support";

test.describe("browse by date", () => {
  test("year → month → day lists each paper's pages and articles in page order", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "按日期浏览" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "按日期浏览" })).toBeVisible();

    await page.getByRole("navigation", { name: "年份" }).getByRole("link", { name: /^2019年/ }).click();
    await expect(page).toHaveURL(/\/browse\/2019$/);
    await page.getByRole("link", { name: /^2月/ }).click();
    await expect(page).toHaveURL(/\/browse\/2019-02$/);
    const calendar = page.getByTestId("issue-calendar");
    await expect(calendar.getByRole("link")).toHaveCount(3);
    await calendar.getByRole("link", { name: "2月21日，5 篇" }).click();
    await expect(page).toHaveURL(/\/browse\/2019-02-21$/);
    await expect(calendar.getByRole("link", { name: "2月21日，5 篇" })).toHaveAttribute("aria-current", "date");

    const day = page.getByTestId("day-issues");
    await expect(day.getByRole("heading", { level: 2 })).toContainText("2019年2月21日");
    await expect(day.getByRole("heading", { level: 3 })).toHaveText(["江城日报"]);
    await expect(day.getByRole("heading", { level: 4 })).toHaveText([/^第1版/, /^第2版/, /^第5版/]);
    const firstPage = day.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^第1版/ }) });
    await expect(firstPage.getByRole("link")).toHaveText(["江城高新区新签约项目二十八个", "江城地铁三号线全线贯通"]);
    await screenshot(page, "browse-day-desktop");

    await firstPage.getByRole("link", { name: "江城地铁三号线全线贯通" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("江城地铁三号线全线贯通");
    await page.getByRole("link", { name: "2019年2月21日 星期四" }).click();
    await expect(page).toHaveURL(/\/browse\/2019-02-21$/);
  });

  test("recent issues on the home page open their day", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("overview")).toContainText("2018年6月12日 至 2021年9月27日");
    await page.getByTestId("recent-issues").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/browse\/2021-09-27$/);
    await expect(page.getByTestId("day-issues")).toContainText("江城秋粮喜获丰收");
  });

  test("a malformed date answers 404", async ({ request }) => {
    const response = await request.get("/browse/2019-13");
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain("没有这个日期");
  });
});

import { expect, test } from "@playwright/test";
import { search, readResults } from "./support";

test.describe("article page", () => {
  test("from a search: terms highlighted, and a link back to the very same results", async ({ page }) => {
    const results = search("江城", { topic: "经济", sort: "oldest", size: "5", page: "2" });
    await page.goto(results);
    const title = await page.getByTestId("result").first().getByRole("heading", { level: 2 }).innerText();
    await page.getByTestId("result").first().getByRole("heading", { level: 2 }).getByRole("link").click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("article-body").locator("mark").first()).toHaveText("江城");
    const back = page.getByTestId("back-to-results");
    await back.click();
    await expect(page).toHaveURL(results);
    await expect(page.getByTestId("result").first().getByRole("heading", { level: 2 })).toHaveText(title);
  });

  test("headlines, byline with roles, date, paper, page, column, dateline, related articles, links into search", async ({ page }) => {
    await page.goto("/search?q=" + encodeURIComponent("高新区新签约"));
    await page.getByRole("link", { name: /江城高新区新签约项目二十八个/ }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("江城高新区新签约项目二十八个");
    const meta = page.getByTestId("article-meta");
    await expect(page.getByText("聚焦一季度经济开局")).toBeVisible();
    await expect(page.getByText("——总投资超过一百二十亿元", { exact: true })).toBeVisible();
    await expect(meta).toContainText("2019年2月21日 星期四");
    await expect(meta).toContainText("江城日报 · 第1版");
    await expect(meta).toContainText("经济观察");
    await expect(meta).toContainText("本报江城2月20日电");
    await expect(page.getByTestId("byline")).toContainText("记者 王明远");
    await expect(page.getByTestId("byline")).toContainText("通讯员 李静");
    await expect(page.getByTestId("byline")).toContainText("摄影 王明远");

    const related = page.getByTestId("related");
    await expect(related.getByRole("heading", { name: "同版文章（第1版）" })).toBeVisible();
    await expect(related.getByRole("link", { name: "江城地铁三号线全线贯通" })).toBeVisible();
    await expect(related.getByRole("heading", { name: "同期其他版面" })).toBeVisible();
    await expect(related.getByRole("link", { name: "让老旧小区住得更舒心" })).toBeVisible();
    await expect(related.getByRole("heading", { name: "王明远的更多文章" })).toBeVisible();
    await expect(related.getByRole("heading", { name: "李静的更多文章" })).toBeVisible();

    await expect(page.getByTestId("permalink")).toHaveAttribute("href", "/articles/s066971-20190221-01-01");
    await page.getByRole("link", { name: "经济观察" }).click();
    await expect(page).toHaveURL(/\/search\?column=%E7%BB%8F%E6%B5%8E%E8%A7%82%E5%AF%9F/);
    for (const result of await readResults(page)) await expect(result).toContainText("【经济观察】");
    await page.goBack();
    await page.getByRole("link", { name: "签约", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=%E7%AD%BE%E7%BA%A6/);
    await page.goBack();
    await page.getByRole("list", { name: "主题" }).getByRole("link", { name: "科技" }).click();
    await expect(page).toHaveURL(/\/search\?topic=%E7%A7%91%E6%8A%80/);
  });

  test("tables are real tables and photo captions are set apart", async ({ page }) => {
    await page.goto("/search?q=" + encodeURIComponent("主要经济指标"));
    await page.getByRole("link", { name: "江城一季度主要经济指标" }).click();
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "指标" })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("cell", { name: "10300" })).toBeVisible();

    await page.goto("/search?q=" + encodeURIComponent("颁奖仪式上合影"));
    await page.getByTestId("result").first().getByRole("heading").getByRole("link").click();
    await expect(page.getByTestId("caption")).toHaveText("图为江城少年足球队队员在颁奖仪式上合影。");
  });

  test("an unknown article answers 404 with a server-rendered page", async ({ page, request }) => {
    const response = await request.get("/articles/no-such-article");
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain("找不到这篇文章");
    await page.goto("/articles/no-such-article");
    await expect(page.getByRole("heading", { name: "找不到这篇文章" })).toBeVisible();
  });
});

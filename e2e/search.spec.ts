import { expect, test } from "@playwright/test";
import { QUERY_SYNTAX } from "../lib/search/query/syntax";

test("a reader searches the sample and finds the article with its byline", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const box = page.getByRole("searchbox", { name: "检索词" });
  await expect(box).toBeFocused();
  await box.fill("小马书屋");
  await box.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=%E5%B0%8F%E9%A9%AC%E4%B9%A6%E5%B1%8B/);
  const result = page.getByTestId("result").filter({ hasText: "我省新增一所“小马书屋”" });
  await expect(result).toHaveCount(1);
  await expect(result.getByRole("link", { name: "魏薇" })).toBeVisible();
  await expect(result.locator("mark").first()).toHaveText("小马书屋");
  await expect(page.getByTestId("result-count")).toContainText("共");
  await page.screenshot({ path: "test-results/screenshots/search-results.png", fullPage: true });

  await result.getByRole("link", { name: /小马书屋/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我省新增一所“小马书屋”");
  await expect(page.getByTestId("byline")).toContainText("魏薇");
  await page.screenshot({ path: "test-results/screenshots/article.png", fullPage: true });
});

test("a search with no match says so and suggests what to try", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("不存在的词语组合甲乙丙"));
  await expect(page.getByTestId("no-results")).toContainText("没有找到");
});

test("an unknown article gives the not-found page", async ({ page }) => {
  const response = await page.goto("/articles/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "找不到这篇文章" })).toBeVisible();
});

test("a reader learns the query language from the help page and tries an example", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "帮助" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("检索帮助");
  await expect(page.getByTestId("syntax-row")).toHaveCount(QUERY_SYNTAX.length);
  await page.getByRole("link", { name: "江城 经济" }).click();
  await expect(page).toHaveURL(/\/search\?q=%E6%B1%9F%E5%9F%8E(\+|%20)%E7%BB%8F%E6%B5%8E/);
  await expect(page.getByTestId("result").first()).toBeVisible();
  await expect(page.getByTestId("result-count")).toContainText("共");
});

test("a query that finds nothing offers nearby queries that do, with their counts", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("小马书屋 不存在的词语组合甲乙丙"));
  await expect(page.getByTestId("no-results")).toContainText("没有找到");
  const suggestions = page.getByTestId("query-suggestions");
  await expect(suggestions).toContainText("小马书屋");
  await expect(suggestions).toContainText(/（\d+ 篇）/u);
  await suggestions.getByRole("link", { name: "小马书屋", exact: true }).click();
  await expect(page.getByTestId("result").filter({ hasText: "小马书屋" }).first()).toBeVisible();
});

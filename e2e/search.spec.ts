import { expect, test } from "@playwright/test";

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

import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("the author directory filters by pinyin initials and leads to the author's page", async ({ page }) => {
  await page.goto("/authors");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("作者名录");
  await page.getByLabel("筛选作者").fill("wmy");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/\/authors\?q=wmy/);
  const rows = page.getByTestId("author-row");
  await expect(rows.first()).toContainText("王明远");
  for (const text of await rows.allTextContents()) expect(text).toMatch(/王明远/);
  await page.screenshot({ path: "test-results/screenshots/authors-directory.png", fullPage: true });

  await rows.first().getByRole("link", { name: "王明远" }).click();
  const profile = page.getByTestId("author-profile").first();
  await expect(profile.getByRole("heading", { level: 1 })).toContainText("王明远");
  await expect(profile).toContainText("江城日报");
  await expect(profile.getByTestId("author-timeline")).toBeVisible();
  await expect(profile.getByTestId("result").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/author-page.png", fullPage: true });
});

test("an export downloads every hit as CSV with a byte order mark", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("江城"));
  const total = Number((await page.getByTestId("result-count").locator("strong").textContent())?.replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-links").getByRole("link", { name: "CSV" }).click()]);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toContain("id,date,paper");
  expect(lines).toHaveLength(total + 1);
});

test("an article offers GB/T 7714 and APA citations with a working copy button", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/search?q=" + encodeURIComponent("集装箱吞吐量"));
  await page.getByTestId("result").first().getByRole("link").first().click();
  const gbt = page.getByTestId("citation-GB/T 7714-2015");
  await expect(gbt).toHaveText("王明远, 李静. 江城港集装箱吞吐量创新高——前五个月同比增长百分之十八[N]. 江城日报, 2018-06-12(1).");
  await page.getByTestId("citations").getByRole("button", { name: "复制" }).first().click();
  await expect(page.getByTestId("citations").getByRole("button", { name: "已复制" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await gbt.textContent());
});

test("the author facet of a search also finds bylines by pinyin", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("江城"));
  const authors = page.getByTestId("facet-authors");
  await authors.getByRole("searchbox", { name: "查找作者" }).fill("wmy");
  await expect(authors.getByRole("checkbox").first()).toHaveAccessibleName(/^王明远/);
  await authors.getByRole("searchbox", { name: "查找作者" }).fill("lijing");
  await expect(authors.getByRole("checkbox").first()).toHaveAccessibleName(/^李静\s*，/);
});

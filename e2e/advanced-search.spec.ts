import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, readTotal, screenshot, search } from "./support";

test("the advanced form opens filled from a results page and gives back a readable query", async ({ page }) => {
  await page.goto(search("江城", { source: "江城日报" }));
  const before = await readTotal(page);
  await page.getByTestId("advanced-link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("高级检索");
  await expect(page.getByLabel("第 1 行的检索词")).toHaveValue("江城");
  await expect(page.getByLabel("第 2 行的检索字段")).toHaveValue("source");
  await expect(page.getByLabel("第 2 行的检索词")).toHaveValue("江城日报");
  await expectNoSeriousViolations(page, "advanced search form");
  await screenshot(page, "advanced-search");

  // Submitting unchanged gives the same search.
  await page.getByRole("button", { name: "检索", exact: true }).last().click();
  await expect(page).toHaveURL(/\/search\?/);
  expect(await readTotal(page)).toBe(before);

  // 不含 a word in the headline narrows it; the query box shows the query language.
  await page.goto("/search/advanced");
  await page.getByLabel("第 1 行的检索词").fill("江城");
  await page.getByLabel("第 2 行的连接方式").selectOption("not");
  await page.getByLabel("第 2 行的检索字段").selectOption("title");
  await page.getByLabel("第 2 行的检索词").fill("江城");
  await page.getByLabel("排序").selectOption("newest");
  await page.getByRole("button", { name: "检索", exact: true }).last().click();
  await expect(page.getByRole("searchbox", { name: "检索词" })).toHaveValue("江城 -标题:江城");
  await expect(page).toHaveURL(/sort=newest/);
  const narrowed = await readTotal(page);
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(before + 1000);
});

test("several byline roles are ticked together and come back ticked", async ({ page }) => {
  await page.goto("/search/advanced");
  await page.getByLabel("第 1 行的检索词").fill("江城");
  await page.getByTestId("advanced-roles").getByLabel("记者", { exact: true }).check();
  await page.getByTestId("advanced-roles").getByLabel("通讯员", { exact: true }).check();
  await page.getByRole("button", { name: "检索", exact: true }).last().click();
  await expect(page).toHaveURL(/\/search\?/);
  const url = new URL(page.url());
  expect(url.searchParams.getAll("role")).toEqual(["记者", "通讯员"]);
  await page.goto(`/search/advanced?${url.searchParams.toString()}`);
  await expect(page.getByTestId("advanced-roles").getByLabel("记者", { exact: true })).toBeChecked();
  await expect(page.getByTestId("advanced-roles").getByLabel("通讯员", { exact: true })).toBeChecked();
  await expect(page.getByTestId("advanced-roles").getByLabel("摄影", { exact: true })).not.toBeChecked();
});

test.describe("without client JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the advanced form works, and a wrong row is named", async ({ page }) => {
    await page.goto("/search/advanced");
    await page.getByLabel("第 1 行的检索字段").selectOption("column");
    await page.getByLabel("第 1 行的连接方式").selectOption("not");
    await page.getByLabel("第 1 行的检索词").fill("经济观察");
    await page.getByRole("button", { name: "检索", exact: true }).last().click();
    await expect(page.getByTestId("advanced-error")).toContainText("第 1 行");
    await expect(page.getByLabel("第 1 行的检索词")).toHaveValue("经济观察");

    await page.getByLabel("第 1 行的连接方式").selectOption("and");
    await page.getByLabel("第 2 行的检索词").fill("集装箱");
    await page.getByRole("button", { name: "检索", exact: true }).last().click();
    await expect(page).toHaveURL(/column=/);
    await expect(page.getByRole("searchbox", { name: "检索词" })).toHaveValue("集装箱");
    expect(await readTotal(page)).toBeGreaterThan(0);
  });
});

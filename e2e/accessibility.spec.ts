import { expect, test } from "@playwright/test";
import { PHONE, expectNoSeriousViolations, screenshot, search } from "./support";

/** Every page of the reader's app, checked by axe and photographed on desktop and phone. */
const PAGES = [
  { name: "home", path: "/" },
  { name: "results", path: search("江城") },
  { name: "results-filtered", path: search("江城", { topic: "经济", from: "2019-01-01", to: "2019-12-31" }) },
  { name: "results-none", path: search("不存在的词语组合") },
  { name: "article", path: `/articles/s066971-20190221-01-01?q=${encodeURIComponent("江城")}` },
  { name: "article-table", path: null as string | null, query: "主要经济指标" },
  { name: "browse", path: "/browse" },
  { name: "search-help", path: "/search/help" },
  { name: "browse-day", path: "/browse/2019-02-21" },
  { name: "not-found", path: "/articles/no-such-article" },
  { name: "authors", path: "/authors?q=wmy" },
  { name: "author", path: `/authors/${encodeURIComponent("王明远")}?paper=${encodeURIComponent("江城日报")}` },
];

for (const viewport of [
  { label: "desktop", size: { width: 1280, height: 900 } },
  { label: "phone", size: PHONE },
]) {
  test.describe(`${viewport.label}`, () => {
    test.use({ viewport: viewport.size });
    for (const entry of PAGES) {
      test(`${entry.name}: no serious axe violations, landmarks and one h1`, async ({ page }) => {
        if (entry.path) {
          await page.goto(entry.path);
        } else {
          await page.goto(search(entry.query ?? ""));
          await page.getByTestId("result").first().getByRole("heading").getByRole("link").click();
          await expect(page.getByRole("table")).toBeVisible();
        }
        await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
        await expect(page.getByRole("main")).toHaveCount(1);
        await expect(page.getByRole("banner")).toHaveCount(1);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
        await expectNoSeriousViolations(page, `${entry.name} (${viewport.label})`);
        await screenshot(page, `${entry.name}-${viewport.label}`);
      });
    }
  });
}

test.describe("phone with the filter panel open", () => {
  test.use({ viewport: PHONE });
  test("no serious axe violations", async ({ page }) => {
    await page.goto(search("江城", { author: "赵静茹" }));
    await page.getByRole("button", { name: /^筛选/ }).click();
    await page.getByRole("searchbox", { name: "查找作者" }).fill("静");
    await expect(page.getByTestId("facet-authors").getByRole("status")).toContainText("找到");
    await expectNoSeriousViolations(page, "results with filters open (phone)");
    await screenshot(page, "results-filters-open-phone");
  });
});

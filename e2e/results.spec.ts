import { expect, test } from "@playwright/test";
import { expectTotal, facet, readResultDates, readTotal, screenshot, search, readResults } from "./support";

/**
 * The results page against the fixture archive (test/fixtures/e2e): 江城 occurs
 * in 38 articles, 2018–2021 (the 2019-07-16 page 3 holds a table item and a photo item), in 江城日报 and 海滨晚报.
 */
const JIANGCHENG = "江城";

test.describe("results page", () => {
  test("a search shows total, time and results with highlights, metadata and links", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "检索词" });
    await expect(box).toBeFocused();
    await box.fill(JIANGCHENG);
    await box.press("Enter");

    await expect(page).toHaveURL(search(JIANGCHENG));
    await expect(page.getByRole("searchbox", { name: "检索词" })).toHaveValue(JIANGCHENG);
    await expectTotal(page, 38);
    await expect(page.getByTestId("result-count")).toContainText(/用时 \d+ 毫秒/);
    await expect(page.getByTestId("result")).toHaveCount(20);

    const first = page.getByTestId("result").first();
    await expect(first.getByRole("heading", { level: 2 }).locator("mark").first()).toHaveText(JIANGCHENG);
    await expect(first.getByTestId("snippet").locator("mark").first()).toHaveText(JIANGCHENG);
    await expect(first).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(first).toContainText(/江城日报|海滨晚报/);
    await expect(first).toContainText(/第\d+版/);

    const withKicker = page.getByTestId("result").filter({ hasText: "江城高新区新签约项目二十八个" });
    await expect(withKicker).toContainText("聚焦一季度经济开局");
    await expect(withKicker).toContainText("——总投资超过一百二十亿元");
    await expect(withKicker).toContainText("通讯员 李静");
    await expect(withKicker.getByRole("link", { name: "王明远" }).first()).toHaveAttribute("href", "/search?author=%E7%8E%8B%E6%98%8E%E8%BF%9C");
    await expect(withKicker.getByRole("link", { name: "按主题筛选：经济" })).toBeVisible();
    await screenshot(page, "results-desktop");
  });

  test("a results page served again from memory, gzipped, runs its scripts and filters as the first did", async ({ page }) => {
    // Each server process remembers the page once it has rendered it; four loads reach a remembered copy whichever serves them.
    const target = `${search(JIANGCHENG)}&topic=${encodeURIComponent("经济")}`;
    const nonces = new Set<string>();
    for (let load = 0; load < 4; load++) {
      const response = await page.goto(target);
      expect(response?.headers()["content-encoding"]).toBe("gzip");
      nonces.add(/'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1] ?? "");
      // The inline script carrying this response's nonce ran, and so did the filter panel's island.
      await expect(page.locator("html")).toHaveClass(/\bjs\b/);
      await expect(page.getByTestId("result-count")).toContainText(/用时 \d+ 毫秒/);
      await expect(facet(page, "facet-topic").getByRole("checkbox", { name: /^经济/ })).toBeChecked();
    }
    expect(nonces.size).toBe(4);
    const total = await readTotal(page);
    await facet(page, "facet-topic").getByRole("checkbox", { name: /^经济/ }).uncheck();
    await expect(page).toHaveURL(search(JIANGCHENG));
    expect(await readTotal(page)).toBeGreaterThan(total);
  });

  test("a box ticked before the page's script has run still applies the filter", async ({ page }) => {
    // Hold the filter panel's script back until the box is ticked, as on a slow connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_islands/**", async (route) => {
      await held;
      await route.continue();
    });
    // Not waiting for DOMContentLoaded: that waits for the held module script.
    await page.goto(search(JIANGCHENG), { waitUntil: "commit" });
    const economy = facet(page, "facet-topic").getByRole("checkbox", { name: /^经济/ });
    await economy.click();
    await expect(page).not.toHaveURL(/topic=/);
    release();
    await expect(page).toHaveURL(/topic=%E7%BB%8F%E6%B5%8E/);
    await expectTotal(page, 10);
  });

  test("topic facet: multi-select widens, unticking and chips remove, counts follow the query", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    const topics = facet(page, "facet-topic");
    const economy = topics.getByRole("checkbox", { name: /^经济/ });
    await expect(topics.locator("label").filter({ hasText: "经济" }).first()).toContainText("10");

    await economy.check();
    await expect(page).toHaveURL(/topic=%E7%BB%8F%E6%B5%8E/);
    await expectTotal(page, 10);
    await expect(page.getByTestId("active-filters")).toContainText("主题经济");
    await expect(economy).toBeChecked();
    for (const result of await readResults(page)) {
      await expect(result.getByRole("list", { name: "主题" })).toContainText("经济");
    }

    const sport = topics.getByRole("checkbox", { name: /^体育/ });
    await sport.check();
    await expect(page).toHaveURL(/topic=%E7%BB%8F%E6%B5%8E&topic=%E4%BD%93%E8%82%B2/);
    await expect(page.getByTestId("active-filters")).toContainText("体育");
    expect(await readTotal(page)).toBeGreaterThan(10);

    await economy.uncheck();
    await expect(page).not.toHaveURL(/topic=%E7%BB%8F%E6%B5%8E/);
    await expect(economy).not.toBeChecked();
    await page.getByRole("link", { name: "移除筛选：主题 体育" }).click();
    await expect(page).toHaveURL(search(JIANGCHENG));
    await expectTotal(page, 38);
    await expect(sport).not.toBeChecked();

    // Counts are those of the current query, not of the whole archive.
    await page.goto(search("老旧小区"));
    await expect(facet(page, "facet-topic").locator("label").first()).toContainText("1");
  });

  test("column and paper facets combine; an empty combination suggests what to remove", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    await facet(page, "facet-column").getByRole("checkbox", { name: /^经济观察/ }).check();
    await expect(page).toHaveURL(/column=%E7%BB%8F%E6%B5%8E%E8%A7%82%E5%AF%9F/);
    await expect(page.getByTestId("active-filters")).toContainText("经济观察");
    const withColumn = await readTotal(page);
    expect(withColumn).toBeGreaterThan(0);
    for (const result of await readResults(page)) await expect(result).toContainText("【经济观察】");

    // Paper counts follow the other filters: 海滨晚报's 经济观察 article does not mention 江城.
    await expect(facet(page, "facet-source").getByRole("checkbox", { name: /^海滨晚报/ })).toHaveCount(0);
    await page.goto(search(JIANGCHENG, { column: "经济观察", source: "海滨晚报" }));
    const empty = page.getByTestId("no-results");
    await expect(empty).toContainText("没有找到");
    await expect(facet(page, "facet-source").getByRole("checkbox", { name: /^海滨晚报/ })).toBeChecked();
    await screenshot(page, "results-none-filtered-desktop");
    await empty.getByRole("link", { name: "去掉“报纸 海滨晚报”" }).click();
    await expectTotal(page, withColumn);

    await page.getByTestId("active-filters").getByRole("link", { name: "清除全部" }).click();
    await expect(page).toHaveURL(search(JIANGCHENG));
    await facet(page, "facet-source").getByRole("checkbox", { name: /^海滨晚报/ }).check();
    await expect(page.getByTestId("active-filters")).toContainText("海滨晚报");
    for (const result of await readResults(page)) await expect(result).toContainText("海滨晚报");
  });

  test("author facet: the lookup ranks exact and prefix matches first; role narrows the byline", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    const authors = page.getByTestId("facet-authors");
    await expect(authors.getByRole("checkbox").first()).toHaveAccessibleName(/赵静茹/);

    await authors.getByRole("searchbox", { name: "查找作者" }).fill("李静");
    await expect(authors.getByRole("status")).toContainText("找到 2 位作者");
    const names = authors.getByRole("checkbox");
    await expect(names).toHaveCount(2);
    await expect(names.nth(0)).toHaveAccessibleName(/^李静\s*，/);
    await expect(names.nth(1)).toHaveAccessibleName(/^李静怡/);

    // By name, not by place: a filter may load a new page, where the list is the top authors again.
    await authors.getByRole("checkbox", { name: /^李静\s*，/ }).check();
    await expect(page).toHaveURL(/author=%E6%9D%8E%E9%9D%99/);
    await expect(page.getByTestId("active-filters")).toContainText("李静");
    const byLi = await readTotal(page);
    for (const result of await readResults(page)) await expect(result.getByRole("link", { name: "李静", exact: true })).toBeVisible();

    await facet(page, "facet-role").getByRole("checkbox", { name: /^通讯员/ }).check();
    await expect(page).toHaveURL(/role=%E9%80%9A%E8%AE%AF%E5%91%98/);
    await expect(page.getByTestId("active-filters")).toContainText("通讯员");
    expect(await readTotal(page)).toBeLessThan(byLi);
    for (const result of await readResults(page)) await expect(result).toContainText("通讯员 李静");
    await screenshot(page, "results-author-role-desktop");
  });

  test("date range by the from/to boxes, shown and removable", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    const dates = facet(page, "facet-date");
    await dates.getByLabel("起").fill("2019-02-01");
    await dates.getByLabel("止").fill("2019-02-28");
    await dates.getByRole("button", { name: "应用日期" }).click();
    await expect(page).toHaveURL(/from=2019-02-01&to=2019-02-28/);
    await expectTotal(page, 8);
    await expect(page.getByTestId("date-range")).toContainText("2019-02-01 至 2019-02-28");
    for (const date of await readResultDates(page)) expect(date.slice(0, 7)).toBe("2019-02");
    // The range lies in one year, so the histogram shows that year's months.
    await expect(dates).toContainText("2019年 · 按月");
    await expect(dates.getByRole("link", { name: "2月：8 篇（已选）" })).toBeVisible();

    await page.getByRole("link", { name: "移除日期范围" }).click();
    await expectTotal(page, 38);
  });

  test("date range by the histogram: a bar drills into its months, brushing selects a span", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    const histogram = page.getByTestId("date-histogram");
    await histogram.getByRole("link", { name: "2019：18 篇" }).click();
    await expect(page).toHaveURL(/from=2019-01-01&to=2019-12-31/);
    await expectTotal(page, 18);
    await expect(histogram.getByRole("link", { name: /^7月：\d+ 篇/ })).toBeVisible();
    await histogram.getByRole("link", { name: /^2月：8 篇/ }).click();
    await expect(page).toHaveURL(/from=2019-02-01&to=2019-02-28/);
    await expectTotal(page, 8);
    await page.getByRole("link", { name: "← 全部年份" }).click();
    await expect(page).toHaveURL(search(JIANGCHENG));

    const from = await histogram.getByRole("link", { name: /^2018：/ }).boundingBox();
    const to = await histogram.getByRole("link", { name: /^2019：/ }).boundingBox();
    if (!from || !to) throw new Error("histogram bars not laid out");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 2, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=2018-01-01&to=2019-12-31/);
    await expectTotal(page, 24);
    await screenshot(page, "results-brushed-desktop");
  });

  test("sort by newest and oldest", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    await page.getByRole("link", { name: "按最新排序" }).click();
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page.getByRole("link", { name: "按最新排序" })).toHaveAttribute("aria-current", "true");
    const newest = await readResultDates(page);
    expect(newest[0]).toBe("2021-09-27");
    expect([...newest].sort().reverse()).toEqual(newest);

    await page.getByRole("link", { name: "按最早排序" }).click();
    await expect(page).toHaveURL(/sort=oldest/);
    const oldest = await readResultDates(page);
    expect(oldest[0]).toBe("2018-06-12");
    expect([...oldest].sort()).toEqual(oldest);
  });

  test("pagination: numbered pages, next/previous, and a jump box for deep pages", async ({ page }) => {
    await page.goto(search(JIANGCHENG, { size: "10" }));
    const pages = page.getByRole("navigation", { name: "分页" });
    await expect(pages.getByRole("link", { name: "第 4 页" })).toBeVisible();
    await pages.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("result-range")).toContainText("第 11–20 篇");
    await pages.getByRole("link", { name: "第 4 页" }).click();
    await expect(page.getByTestId("result-range")).toContainText("第 31–38 篇");
    await expect(page.getByTestId("result")).toHaveCount(8);
    await expect(pages.getByRole("link", { name: "下一页" })).toHaveCount(0);

    await page.goto(search(JIANGCHENG, { size: "5" }));
    await pages.getByLabel("跳至第").fill("7");
    await pages.getByRole("button", { name: "前往" }).click();
    await expect(page).toHaveURL(/page=7/);
    await expect(page.getByTestId("result-range")).toContainText("第 31–35 篇");
  });

  test("all state is in the URL: reload keeps it, back and forward step through it", async ({ page }) => {
    await page.goto(search(JIANGCHENG, { size: "5" }));
    await facet(page, "facet-topic").getByRole("checkbox", { name: /^经济/ }).check();
    await expect(page).toHaveURL(/topic=/);
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "第 2 页" }).click();
    await expect(page).toHaveURL(/topic=.*page=2|page=2.*topic=/);
    // The address changes before the new page has rendered; read the results once they are page 2's.
    await expect(page.getByTestId("result-range")).toContainText("第 6–10 篇");
    const onPageTwo = await page.getByTestId("result").allInnerTexts();

    await page.reload();
    await expect(page.getByTestId("result-range")).toContainText("第 6–10 篇");
    expect(await page.getByTestId("result").allInnerTexts()).toEqual(onPageTwo);
    await expect(facet(page, "facet-topic").getByRole("checkbox", { name: /^经济/ })).toBeChecked();

    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page.getByTestId("result-range")).toContainText("第 1–5 篇");
    await page.goBack();
    await expect(page).toHaveURL(search(JIANGCHENG, { size: "5" }));
    await expectTotal(page, 38);
    await expect(facet(page, "facet-topic").getByRole("checkbox", { name: /^经济/ })).not.toBeChecked();
    await page.goForward();
    await expectTotal(page, 10);
    await page.goForward();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("result-range")).toContainText("第 6–10 篇");
    expect(await page.getByTestId("result").allInnerTexts()).toEqual(onPageTwo);
  });

  test("a query with no match suggests shorter queries", async ({ page }) => {
    await page.goto(search("江城 不存在的词语"));
    const empty = page.getByTestId("no-results");
    await expect(empty).toContainText("没有找到");
    await empty.getByRole("link", { name: JIANGCHENG, exact: true }).click();
    await expectTotal(page, 38);
  });
});

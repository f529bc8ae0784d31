import { expect, test, type Locator, type Page } from "@playwright/test";
import { SCREENSHOT_DIR, expectTotal, facet, readTotal, search, readResults } from "./support";

/**
 * The 版次 (edition) facet: the article's newspaper page, in the URL as
 * `edition` (`page` is the result page). The fixture archive
 * (test/fixtures/e2e) has 江城 articles on pages 1–8; the bundled sample's
 * OCR pages have no page number.
 */
const JIANGCHENG = "江城";

/** The count printed next to an edition checkbox (its accessible name is "第4版，3 篇"). */
async function countOf(checkbox: Locator): Promise<number> {
  const label = checkbox.locator("xpath=ancestor::label[1]");
  const text = (await label.innerText()).replace(/\s+/g, "");
  const match = /^第\d+版[，,]?([\d,]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/,/g, ""));
}

async function editionsShown(page: Page): Promise<string[]> {
  const labels = await facet(page, "facet-edition").locator("label").allInnerTexts();
  return labels.map((text) => /第\d+版/.exec(text)?.[0] ?? text);
}

test.describe("版次 (edition) facet", () => {
  test("lists editions in page order with counts; ticking narrows the results and the URL, chips remove", async ({ page }) => {
    await page.goto(search(JIANGCHENG));
    await expectTotal(page, 38);
    const editions = facet(page, "facet-edition");
    await expect(editions.locator("legend")).toHaveText("版次");
    const shown = await editionsShown(page);
    expect(shown[0]).toBe("第1版");
    expect(shown.map((label) => Number(/\d+/.exec(label)?.[0]))).toEqual([...shown.map((label) => Number(/\d+/.exec(label)?.[0]))].sort((a, b) => a - b));

    const fourth = editions.getByRole("checkbox", { name: /^第4版/ });
    await expect(fourth).toHaveAccessibleName(/^第4版\s*，\s*\d+\s*篇$/);
    const fourthCount = await countOf(fourth);
    const fifth = editions.getByRole("checkbox", { name: /^第5版/ });
    const fifthCount = await countOf(fifth);
    expect(fourthCount).toBeGreaterThan(0);

    await page.locator("aside").screenshot({ path: `${SCREENSHOT_DIR}/edition-facet-sidebar.png` });

    await fourth.check();
    await expect(page).toHaveURL(search(JIANGCHENG, { edition: "4" }));
    await expectTotal(page, fourthCount);
    await expect(fourth).toBeChecked();
    await expect(page.getByTestId("active-filters")).toContainText("版次第4版");
    for (const result of await readResults(page)) await expect(result).toContainText("第4版");
    // Multi-select: the other editions keep their counts, so one can add to the choice.
    expect(await countOf(fifth)).toBe(fifthCount);

    await fifth.check();
    await expect(page).toHaveURL(search(JIANGCHENG, { edition: ["4", "5"] }));
    await expectTotal(page, fourthCount + fifthCount);
    await page.locator("aside").screenshot({ path: `${SCREENSHOT_DIR}/edition-facet-selected.png` });

    await page.getByRole("link", { name: "移除筛选：版次 第4版" }).click();
    await expect(page).toHaveURL(search(JIANGCHENG, { edition: "5" }));
    await expectTotal(page, fifthCount);
    await expect(fourth).not.toBeChecked();

    await fifth.uncheck();
    await expect(page).toHaveURL(search(JIANGCHENG));
    expect(await readTotal(page)).toBe(38);
  });

  test("a result set without page numbers shows no 版次 group; a bad edition is refused by name", async ({ page }) => {
    await page.goto(search("小马书屋"));
    expect(await readTotal(page)).toBeGreaterThan(0);
    await expect(facet(page, "facet-topic").or(facet(page, "facet-source")).first()).toBeVisible();
    await expect(facet(page, "facet-edition")).toHaveCount(0);

    await page.goto(search(JIANGCHENG, { edition: "0" }));
    await expect(page.locator("section[role=alert]")).toContainText("edition");
  });

  test.describe("without client JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the apply button submits the ticked editions", async ({ page }) => {
      await page.goto(search(JIANGCHENG));
      const fourth = facet(page, "facet-edition").getByRole("checkbox", { name: /^第4版/ });
      const fourthCount = await countOf(fourth);
      await fourth.check();
      await page.getByRole("button", { name: "应用筛选" }).click();
      await expect(page).toHaveURL(/[?&]edition=4(&|$)/);
      await expectTotal(page, fourthCount);
    });
  });
});

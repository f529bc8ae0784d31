import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** The phone viewport the app must work on (iPhone 12–15 width). */
export const PHONE = { width: 390, height: 844 } as const;

export const SCREENSHOT_DIR = "test-results/screenshots";

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Runs axe (WCAG 2.1 A/AA) and fails on serious or critical violations; lesser ones are printed. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const describe = (violation: (typeof results.violations)[number]) =>
    `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join("; ")})`;
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const lesser = results.violations.filter((violation) => !serious.includes(violation));
  if (lesser.length > 0) console.log(`[axe] ${label}: ${lesser.map(describe).join("\n  ")}`);
  console.log(`[axe] ${label}: ${results.passes.length} rules passed, ${serious.length} serious, ${lesser.length} lesser`);
  expect(serious.map(describe), `serious axe violations on ${label}`).toEqual([]);
}

export function search(query: string, extra: Record<string, string | string[]> = {}): string {
  const params = new URLSearchParams({ q: query });
  for (const [key, value] of Object.entries(extra)) for (const item of [value].flat()) params.append(key, item);
  return `/search?${params.toString()}`;
}

/** The "共 N 篇" figure of the results heading. */
export async function readTotal(page: Page): Promise<number> {
  const text = await page.getByTestId("result-count").innerText();
  const match = /共\s*([\d,]+)\s*篇/.exec(text);
  if (!match?.[1]) throw new Error(`no total in "${text}"`);
  return Number(match[1].replace(/,/g, ""));
}

export async function expectTotal(page: Page, total: number): Promise<void> {
  await expect(page.getByTestId("result-count")).toContainText(`共 ${total} 篇`);
}

export function facet(page: Page, testId: string): Locator {
  return page.getByTestId(testId);
}

/**
 * The results once the page has loaded: a filter can load a whole new document, whose list the
 * browser shows while it is still reading it.
 */
export async function readResults(page: Page): Promise<Locator[]> {
  await page.waitForLoadState("load");
  return page.getByTestId("result").all();
}

/** Dates as printed in result lists (2019年2月21日), in page order. */
export async function readResultDates(page: Page): Promise<string[]> {
  await page.waitForLoadState("load");
  const texts = await page.getByTestId("result").allInnerTexts();
  return texts.map((text) => {
    const match = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
    return match ? `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}` : "";
  });
}

import { expect, test, type Page } from "@playwright/test";
import { PHONE, expectTotal, screenshot, search } from "./support";

test.describe("on a 390 px phone", () => {
  test.use({ viewport: PHONE });

  test("the filters fold into a panel opened by a button", async ({ page }) => {
    await page.goto(search("江城"));
    const toggle = page.getByRole("button", { name: /^筛选/ });
    const economy = page.getByTestId("facet-topic").getByRole("checkbox", { name: /^经济/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(economy).toBeHidden();
    await expect(page.getByTestId("result").first()).toBeInViewport();
    await screenshot(page, "results-phone");

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(economy).toBeVisible();
    await screenshot(page, "results-phone-filters-open");
    await economy.check();
    await expect(page).toHaveURL(/topic=%E7%BB%8F%E6%B5%8E/);
    await expectTotal(page, 10);
    await expect(page.getByRole("button", { name: /^筛选（已选 1 项）/ })).toBeVisible();
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test("keyboard only: search, filter, sort, page, open an article and come back", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("searchbox", { name: "检索词" })).toBeFocused();
  await page.keyboard.type("江城");
  await page.keyboard.press("Enter");
  await expectTotal(page, 38);

  const economy = page.getByTestId("facet-topic").getByRole("checkbox", { name: /^经济/ });
  await tabTo(page, economy);
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/topic=%E7%BB%8F%E6%B5%8E/);
  await expectTotal(page, 10);
  await expect(economy).toBeFocused();

  const newest = page.getByRole("link", { name: "按最新排序" });
  await tabTo(page, newest);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=newest/);

  const firstTitle = page.getByTestId("result").first().getByRole("heading", { level: 2 }).getByRole("link");
  const title = await firstTitle.innerText();
  await tabTo(page, firstTitle);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  const back = page.getByTestId("back-to-results");
  await tabTo(page, back);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/topic=%E7%BB%8F%E6%B5%8E.*sort=newest/);
  await expectTotal(page, 10);
});

test("the skip link takes keyboard users straight to the content", async ({ page }) => {
  await page.goto(search("江城"));
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

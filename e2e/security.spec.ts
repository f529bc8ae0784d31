import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Every file under a folder, recursively. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

test("the Meilisearch master key never reaches the browser", async ({ page, request }) => {
  const dataDir = process.env.E2E_DATA_DIR;
  expect(dataDir, "playwright.config.ts exports E2E_DATA_DIR").toBeTruthy();
  const key = fs.readFileSync(path.join(dataDir ?? "", "master-key"), "utf8").trim();
  expect(key.length).toBeGreaterThanOrEqual(16);

  const bundles = listFiles(path.resolve(".next/static"));
  expect(bundles.length).toBeGreaterThan(0);
  for (const file of bundles) expect(fs.readFileSync(file, "utf8").includes(key), file).toBe(false);

  const seen: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "image") seen.push(await response.text().catch(() => ""));
  });
  await page.goto("/search?q=" + encodeURIComponent("小马书屋"));
  await page.getByTestId("result").first().click();
  await page.waitForLoadState("networkidle");
  for (const url of ["/api/search?q=%E5%B0%8F%E9%A9%AC", "/api/authors", "/api/export?format=jsonl&q=%E5%B0%8F%E9%A9%AC"]) {
    seen.push(await (await request.get(url)).text());
  }
  expect(seen.length).toBeGreaterThan(3);
  for (const body of seen) expect(body.includes(key)).toBe(false);
});

test("responses carry security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("stored text that looks like markup is shown as text and never runs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/search?q=" + encodeURIComponent("安全测试"));
  const result = page.getByTestId("result").first();
  await expect(result).toContainText("<script>window.__xss=1</script>");
  await expect(result.locator("img")).toHaveCount(0);
  await result.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>");
  await expect(page.locator("article")).toContainText('<img src=x onerror="window.__xss=2">');
  await expect(page.locator("article img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(violations).toEqual([]);
});

test("pages carry a nonce-based Content-Security-Policy and their scripts still run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/search?q=" + encodeURIComponent("江城"));
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy.split(";").find((part) => part.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(policy).toContain("frame-ancestors 'none'");
  // Client components hydrate: the scripted-page marker set by the inline (nonced) script is present.
  await expect(page.locator("html")).toHaveClass(/\bjs\b/);
  expect(violations).toEqual([]);
});

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

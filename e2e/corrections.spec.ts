import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, screenshot, search } from "./support";

// The app's data folder (playwright.config.ts): the CLI makes the account there, and the re-import uses the app's engine.
const env = { ...process.env, BAOKU_DATA_DIR: process.env.E2E_DATA_DIR ?? "", NEXT_TELEMETRY_DISABLED: "1" };
const NAME = "e2e-librarian";
const PASSWORD = "a long enough password";
const FIXED = "柯南新";

function runTsx(args: string[], input?: string): string {
  return execFileSync("node_modules/.bin/tsx", args, { env, input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
}

async function openArticle(page: Page): Promise<void> {
  await page.goto(search("集装箱吞吐量"));
  await page.getByTestId("result").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function expectAuthorFound(page: Page, found: boolean): Promise<void> {
  await page.goto(search("", { author: FIXED }));
  if (found) await expect(page.getByTestId("result")).toHaveCount(1);
  else await expect(page.getByTestId("result")).toHaveCount(0);
  await page.goto(`/authors?q=${encodeURIComponent(FIXED)}`);
  if (found) await expect(page.getByTestId("author-row").first()).toContainText(FIXED);
  else await expect(page.getByTestId("author-row")).toHaveCount(0);
}

test("a librarian signs in, fixes a byline, sees it in facets and the directory, keeps it over a re-import, and undoes it", async ({ page }) => {
  // The re-import in the middle runs the importer's CLI (a process start, jieba's dictionaries, the whole fixture archive).
  test.setTimeout(180_000);
  runTsx(["scripts/librarian.ts", "add", NAME], `${PASSWORD}\n`);

  // Readers see no editor, and a change without signing in is refused.
  await openArticle(page);
  await expect(page.getByTestId("correction-panel")).toHaveCount(0);
  const anonymous = await page.request.post("/api/corrections", { data: { kind: "merge", articleId: "x" } });
  expect(anonymous.status()).toBe(403);

  await page.goto("/review");
  await expect(page).toHaveURL(/\/librarian\/sign-in\?next=(%2F|\/)review/);

  await page.goto("/librarian/sign-in");
  await page.getByLabel("馆员名").fill(NAME);
  await page.getByLabel("密码").fill("wrong password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  await page.getByLabel("馆员名").fill(NAME);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("librarian-nav")).toContainText(NAME);

  await openArticle(page);
  const articleUrl = page.url().split("?")[0]!;
  const panel = page.getByTestId("correction-panel");
  await expect(panel).toBeVisible();
  await expectNoSeriousViolations(page, "article page with the correction panel");
  await page.getByTestId("fix-authors").fill(`特约记者 ${FIXED}`);
  await page.getByTestId("save-fields").click();
  await expect(page.getByTestId("correction-notice")).toContainText("更正已保存");
  await expect(page.getByTestId("byline")).toContainText(FIXED);
  // Only what changed is recorded (the form sends every field).
  await expect(page.getByTestId("correction-history")).toContainText(`作者改为“特约记者 ${FIXED}”`);
  await expect(page.getByTestId("correction-history")).not.toContainText("主题改为");
  await screenshot(page, "article-corrected");
  await expectAuthorFound(page, true);

  // The same files imported again: the correction is re-applied.
  const output = runTsx(["ingest/cli.ts", "--manifest", "test/fixtures/e2e/manifest.json", "test/fixtures/e2e"]);
  expect(output).toBeDefined();
  await expectAuthorFound(page, true);

  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审核队列");
  await expectNoSeriousViolations(page, "review queue");
  await screenshot(page, "review-queue");

  await page.goto(articleUrl);
  await page.getByTestId("undo-correction").first().click();
  await expect(page.getByTestId("correction-notice")).toContainText("已撤销");
  await expect(page.getByTestId("byline")).not.toContainText(FIXED);
  await expectAuthorFound(page, false);
});

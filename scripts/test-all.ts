import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { CHROMIUM_PATH, describeMissingChromium } from "../e2e/chromium";

/**
 * `npm test`: every level in one go — tsc over the whole repository, vitest
 * unit and integration (a real Meilisearch started by the suite), then
 * Playwright end-to-end in Debian's Chromium against the built app. Stops at
 * the first failing level and ends with one plain `N passed, N failed` line.
 */

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: "test-reports/playwright.json" };
// Outside test-results/, which Playwright empties when it starts.
const VITEST_JSON = "test-reports/vitest.json";
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, command: string, args: string[]): void {
  process.stderr.write(`\n=== ${label}: ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    process.stderr.write(`\n${label} failed (exit ${result.status ?? result.signal}).\n`);
    finish(result.status ?? 1);
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function collectCounts(): void {
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(VITEST_JSON);
  if (vitest) {
    counts.passed += vitest.numPassedTests;
    counts.failed += vitest.numFailedTests;
    counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>("test-reports/playwright.json");
  if (playwright) {
    counts.passed += playwright.stats.expected + playwright.stats.flaky;
    counts.failed += playwright.stats.unexpected;
    counts.skipped += playwright.stats.skipped;
  }
}

function finish(code: number): never {
  collectCounts();
  process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  process.exit(code);
}

if (!fs.existsSync(CHROMIUM_PATH)) {
  process.stderr.write(`${describeMissingChromium()}\n`);
  process.exit(1);
}
fs.rmSync(VITEST_JSON, { force: true });
fs.rmSync("test-reports/playwright.json", { force: true });
run("type check", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]);
run("unit + integration", "node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]);
run("end-to-end", "node_modules/.bin/playwright", ["test", "--reporter=list,json"]);
finish(0);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeMissingChromium } from "./e2e/chromium";

if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(describeMissingChromium());

const port = Number(process.env.E2E_PORT ?? 3123);
// The app under test gets its own Meilisearch data folder, removed when it stops. A fresh one each
// run: named by the process id alone, a run once found the folder an earlier, killed run had left
// under the same id, with an index of an older schema, and the app refused to start.
const madeHere = process.env.E2E_DATA_DIR === undefined;
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "baoku-e2e-"));
// The runner stops the app without giving it time to remove the folder itself, so the runner's own
// process, which made it, removes it on exit (a folder given through E2E_DATA_DIR is left alone).
if (madeHere) process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }));

// The bundled sample (undated OCR pages) plus a fixture archive of three papers over four years with
// bylines, columns and tables, for facets, the date histogram, pagination and browsing. Imported before
// start.ts, which then finds the index filled and imports nothing itself.
const ingest = "node_modules/.bin/tsx ingest/cli.ts";
const ingestFixtures = [
  `${ingest} --manifest sample/manifest.json sample/pages`,
  `${ingest} --manifest test/fixtures/e2e/manifest.json test/fixtures/e2e`,
  // Stored text that looks like markup, to prove it is shown as text.
  `${ingest} test/fixtures/e2e-security`,
].join(" && ");
// Test workers inherit this, so security tests can read the app's generated key and look for leaks.
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    locale: "zh-CN",
  },
  webServer: {
    command: `${ingestFixtures} && node_modules/.bin/tsx scripts/start.ts`,
    url: `http://localhost:${port}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      MEILI_PORT: "0",
      BAOKU_DATA_DIR: dataDir,
      BAOKU_EPHEMERAL: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

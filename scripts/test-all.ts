import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { CHROMIUM_PATH, describeMissingChromium } from "../e2e/chromium";

/**
 * `npm test`: every level in one go — tsc over the whole repository, vitest unit and integration (a real
 * Meilisearch started by the suite), then Playwright end-to-end in Debian's
 * Chromium against the built app. Stops at the first failing level.
 */

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label: string, command: string, args: string[]): void {
  process.stderr.write(`\n=== ${label}: ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    process.stderr.write(`\n${label} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

if (!fs.existsSync(CHROMIUM_PATH)) {
  process.stderr.write(`${describeMissingChromium()}\n`);
  process.exit(1);
}
run("type check", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]);
run("unit + integration", "node_modules/.bin/vitest", ["run"]);
run("end-to-end", "node_modules/.bin/playwright", ["test"]);

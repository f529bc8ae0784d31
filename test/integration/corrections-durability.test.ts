import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "@/lib/corrections/database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-sqlite-kill-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("a correction is wholly there or not at all after the writer is killed mid-write (SIGKILL)", async () => {
  const file = path.join(dir, "baoku.sqlite");
  for (let round = 0; round < 3; round += 1) {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "corrections-kill-child.ts"), file], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300 + round * 200));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  const db = openDatabase(file);
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  const corrections = (db.prepare("SELECT COUNT(*) AS n FROM corrections").get() as { n: number }).n;
  expect(corrections).toBeGreaterThan(0);
  // Every correction has its target and its audit entry with both snapshots; no audit entry or target is orphaned.
  const incomplete = db
    .prepare(
      `SELECT COUNT(*) AS n FROM corrections c WHERE
        (SELECT COUNT(*) FROM correction_targets t WHERE t.correction_id = c.id) <> 1 OR
        (SELECT COUNT(*) FROM audit_log a WHERE a.correction_id = c.id AND a.before IS NOT NULL AND a.after IS NOT NULL) <> 1`,
    )
    .get() as { n: number };
  expect(incomplete.n).toBe(0);
  const orphans = db.prepare("SELECT COUNT(*) AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.id = a.correction_id)").get() as { n: number };
  expect(orphans.n).toBe(0);
  db.close();
});

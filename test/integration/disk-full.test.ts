import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { EngineError } from "@/lib/search/engine/errors";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { countDocuments } from "@/lib/search/index-admin";

/** A small tmpfs is a disk that fills up for real; only root can mount one, so elsewhere this is skipped. */
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-small-disk-"));
function tryMount(size: string, remount = false): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `${remount ? "remount," : ""}size=${size}`, "tmpfs", mountPoint], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const mounted = tryMount("6m");
afterAll(() => {
  if (mounted) execFileSync("umount", [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)("a full disk under the data folder (needs root to mount a small tmpfs)", () => {
  it("gives a clear error, and after space is freed a rerun completes with every article", async () => {
    const feedDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-full-feed-"));
    const count = 2000;
    const lines = Array.from({ length: count }, (_, i) =>
      JSON.stringify({ id: `f-${i}`, date: "2023-01-01", title: `磁盘测试${i}`, author: "", section: null, source: "测试日报", body: `第${i}条，${"满".repeat(20)}${i}`.repeat(30) }),
    );
    fs.writeFileSync(path.join(feedDir, "feed.jsonl"), lines.join("\n") + "\n");
    const engine = await startEngine({ dataDir: path.join(mountPoint, "data"), port: 0 });
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    try {
      const failure = await runIngest({ inputs: [feedDir], client, indexUid: "articles", batchSize: 200 }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(EngineError);
      expect((failure as Error).message).toMatch(/disk is probably full|No space left/i);

      expect(tryMount("512m", true)).toBe(true);
      const rerun = await runIngest({ inputs: [feedDir], client, indexUid: "articles" });
      expect(rerun.articles).toBe(count);
      expect(await countDocuments(client, "articles")).toBe(count);
    } finally {
      await engine.stop();
      fs.rmSync(feedDir, { recursive: true, force: true });
    }
  });
});

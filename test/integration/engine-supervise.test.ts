import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { superviseEngine } from "@/lib/search/engine/supervise";
import { findMeilisearchPid, waitUntil } from "./process-helpers";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-supervise-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));



describe("engine supervision", () => {
  it("restarts a killed Meilisearch on the same address with the data it had", async () => {
    const supervisor = superviseEngine(await startEngine({ dataDir, port: 0 }), () => {});
    try {
      const first = supervisor.current();
      const client = new EngineClient({ url: first.url, apiKey: first.masterKey });
      await client.runTask((meili) => meili.createIndex("kept", { primaryKey: "id" }));

      const dbPath = path.join(dataDir, "meili", "data.ms");
      const pid = findMeilisearchPid(dbPath);
      expect(pid).not.toBeNull();
      process.kill(pid ?? 0, "SIGKILL");

      // A new process, not the old one surviving the kill.
      const restarted = await waitUntil(async () => {
        const now = findMeilisearchPid(dbPath);
        return now !== null && now !== pid && (await client.isHealthy());
      }, 30_000);
      expect(restarted).toBe(true);
      expect(supervisor.current().url).toBe(first.url);
      expect(await client.call((meili) => meili.getRawIndex("kept"))).toMatchObject({ uid: "kept" });
    } finally {
      await supervisor.stop();
    }
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EngineClient } from "@/lib/search/engine/http-client";
import { startEngine } from "@/lib/search/engine/process";
import { superviseEngine } from "@/lib/search/engine/supervise";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-supervise-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The meilisearch process itself (the child of the watchdog shell). */
function findMeilisearchPid(dbPath: string): number | null {
  for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (command[0]?.endsWith("/meilisearch") && command.includes(dbPath)) return Number(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe("engine supervision", () => {
  it("restarts a killed Meilisearch on the same address with the data it had", async () => {
    const supervisor = superviseEngine(await startEngine({ dataDir, port: 0 }), () => {});
    try {
      const first = supervisor.current();
      const client = new EngineClient({ url: first.url, apiKey: first.masterKey });
      await client.runTask("POST", "/indexes", { uid: "kept", primaryKey: "id" });

      const dbPath = path.join(dataDir, "meili", "data.ms");
      const pid = findMeilisearchPid(dbPath);
      expect(pid).not.toBeNull();
      process.kill(pid ?? 0, "SIGKILL");

      // A new process, not the old one surviving the kill.
      const restarted = await waitFor(async () => {
        const now = findMeilisearchPid(dbPath);
        return now !== null && now !== pid && (await client.isHealthy());
      }, 30_000);
      expect(restarted).toBe(true);
      expect(supervisor.current().url).toBe(first.url);
      expect(await client.request<{ uid: string }>("GET", "/indexes/kept")).toMatchObject({ uid: "kept" });
    } finally {
      await supervisor.stop();
    }
  });
});

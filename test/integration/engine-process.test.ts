import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EngineError } from "@/lib/search/engine/errors";
import { EngineClient } from "@/lib/search/engine/client";
import { readLiveLock } from "@/lib/search/engine/lock";
import { startEngine } from "@/lib/search/engine/process";

const tempDirs: string[] = [];

/** Pids whose command line contains `secret` (anyone on the machine can read command lines). */
function processesShowing(secret: string): string[] {
  return fs.readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(secret);
    } catch {
      return false;
    }
  });
}
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-proc-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("managed Meilisearch process", () => {
  it("starts healthy with a generated key kept in the data folder, and stops without leaving a process", async () => {
    const dataDir = makeTempDir();
    const engine = await startEngine({ dataDir, port: 0 });
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    expect(await client.isHealthy()).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, "master-key"), "utf8").trim()).toBe(engine.masterKey);
    expect(readLiveLock(dataDir)?.url).toBe(engine.url);
    expect(processesShowing(engine.masterKey)).toEqual([]);

    // The key is enforced: a request without it is refused.
    const anonymous = new EngineClient({ url: engine.url, apiKey: "" });
    await expect(anonymous.call((meili) => meili.getIndexes())).rejects.toThrow(/refused the API key/);

    await engine.stop();
    expect(await client.isHealthy()).toBe(false);
    expect(readLiveLock(dataDir)).toBeNull();
  });

  it("refuses a second start on the same data folder", async () => {
    const dataDir = makeTempDir();
    const engine = await startEngine({ dataDir, port: 0 });
    try {
      await expect(startEngine({ dataDir, port: 0 })).rejects.toThrow(/already running Meilisearch/);
    } finally {
      await engine.stop();
    }
  });

  it("names the port when it is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startEngine({ dataDir: makeTempDir(), port });
      await expect(attempt).rejects.toBeInstanceOf(EngineError);
      await expect(attempt).rejects.toThrow(new RegExp(`Port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it("names a data folder it cannot create or write", async () => {
    const file = path.join(makeTempDir(), "a-file");
    fs.writeFileSync(file, "not a folder");
    await expect(startEngine({ dataDir: path.join(file, "data"), port: 0 })).rejects.toThrow(/Data folder .*a-file\/data is not writable/);
  });
});

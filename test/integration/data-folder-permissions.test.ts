import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineError } from "@/lib/search/engine/errors";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { findMeilisearchPid } from "./process-helpers";
import { UNWRITABLE_NEEDS, canMakeUnwritable, makeUnwritable, makeWritable, restoreAll } from "./read-only";

/**
 * "Permission errors on the data folder: a clear message, no corrupt state". The tests run as root, which ignores
 * permission bits, so folders and files are made immutable with chattr (read-only.ts); elsewhere they lose
 * their write bits. Every lock is undone in afterAll, even after a failure, so the folders can be removed.
 */

const supported = canMakeUnwritable();
const tempDirs: string[] = [];
function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-perm-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  try {
    restoreAll();
  } finally {
    tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  }
});

/** Starts on `dataDir` expecting a refusal; returns the error and how long it took. */
async function failedStart(dataDir: string): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await startEngine({ dataDir, port: 0 }).then(
    async (engine) => {
      await engine.stop();
      return null;
    },
    (caught: unknown) => caught,
  );
  return { error, ms: Date.now() - started };
}

function expectPermissionError(error: unknown, dataDir: string, target: string): void {
  expect(error).toBeInstanceOf(EngineError);
  const message = (error as Error).message;
  expect(message).toContain(`Data folder ${dataDir} is not writable`);
  expect(message).toContain(target);
  expect(message).toMatch(/permission denied|operation not permitted/i);
  expect(message).not.toMatch(/\n\s+\d+: /); // no Rust backtrace from the engine's log
}

/** Every file under `dir` (except the log and lock, which each start touches) with its size and modification time. */
function snapshot(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !["meilisearch.log", "engine.lock"].includes(path.basename(file)))
    .map((file) => {
      const stat = fs.statSync(file);
      return `${path.relative(dir, file)} ${stat.isDirectory() ? "dir" : stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

describe.skipIf(!supported)(`permission errors on the data folder (${UNWRITABLE_NEEDS})`, () => {
  it("refuses a data folder it cannot write, fast and by name, leaves it empty, and starts once it is writable", async () => {
    const dataDir = makeTempDir();
    makeUnwritable(dataDir);
    const { error, ms } = await failedStart(dataDir);
    makeWritable(dataDir);

    expectPermissionError(error, dataDir, dataDir);
    expect(ms).toBeLessThan(5_000);
    expect(fs.readdirSync(dataDir)).toEqual([]);

    const engine = await startEngine({ dataDir, port: 0 });
    try {
      expect(await new EngineClient({ url: engine.url, apiKey: engine.masterKey }).isHealthy()).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  describe("existing engine data that became unwritable", () => {
    const documents = Array.from({ length: 5 }, (_, i) => ({ id: `p-${i}`, title: `权限测试${i}` }));
    let dataDir = "";
    let dbPath = "";
    let indexFile = "";
    let before: string[] = [];

    beforeAll(async () => {
      dataDir = makeTempDir();
      dbPath = path.join(dataDir, "meili", "data.ms");
      const engine = await startEngine({ dataDir, port: 0 });
      try {
        const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
        await client.runTask((meili) => meili.index("docs").addDocuments(documents, { primaryKey: "id" }));
      } finally {
        await engine.stop();
      }
      const [indexDir] = fs.readdirSync(path.join(dbPath, "indexes"));
      indexFile = path.join(dbPath, "indexes", indexDir!, "data.mdb");
      before = snapshot(dataDir);
    });

    const targets: Array<[string, () => string]> = [
      ["the data folder itself", () => dataDir],
      ["the database folder", () => dbPath],
      ["the database's VERSION file", () => path.join(dbPath, "VERSION")],
      ["the task queue", () => path.join(dbPath, "tasks", "data.mdb")],
      ["an index's data file", () => indexFile],
      ["the upload folder", () => path.join(dbPath, "update_files")],
      ["the engine log", () => path.join(dataDir, "meilisearch.log")],
    ];
    it.each(targets)("names %s and starts nothing", async (_, target) => {
      makeUnwritable(target());
      const { error, ms } = await failedStart(dataDir);
      makeWritable(target());

      expectPermissionError(error, dataDir, target());
      expect(ms).toBeLessThan(5_000);
      expect(findMeilisearchPid(dbPath)).toBeNull();
    });

    it("names a stale lock file it cannot replace, and leaves no engine running", async () => {
      const lockFile = path.join(dataDir, "engine.lock");
      fs.writeFileSync(lockFile, JSON.stringify({ pid: 2 ** 30, url: "http://127.0.0.1:1", startedAt: "2024-01-01T00:00:00Z" }));
      makeUnwritable(lockFile);
      const { error } = await failedStart(dataDir);
      makeWritable(lockFile);

      expectPermissionError(error, dataDir, lockFile);
      expect(findMeilisearchPid(dbPath)).toBeNull();
    });

    it("left the data untouched: once writable again it starts with every document and takes new ones", async () => {
      expect(snapshot(dataDir)).toEqual(before);
      const engine = await startEngine({ dataDir, port: 0 });
      try {
        const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
        expect(await client.isHealthy()).toBe(true);
        const stats = await client.call((meili) => meili.index("docs").getStats());
        expect(stats.numberOfDocuments).toBe(documents.length);
        const stored = await client.call((meili) => meili.index<{ id: string; title: string }>("docs").getDocuments({ limit: 100 }));
        expect(stored.results.sort((a, b) => a.id.localeCompare(b.id))).toEqual(documents);
        await client.runTask((meili) => meili.index("docs").addDocuments([{ id: "p-new", title: "恢复后" }]));
        expect((await client.call((meili) => meili.index("docs").getStats())).numberOfDocuments).toBe(documents.length + 1);
      } finally {
        await engine.stop();
      }
    });
  });
});

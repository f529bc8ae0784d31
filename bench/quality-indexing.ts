import type { BatchesResults } from "meilisearch";
import fs from "node:fs";
import path from "node:path";
import type { EngineClient } from "@/lib/search/engine/client";

/**
 * Indexing cost, measured the same way for every index the benches build:
 * documents go up in batches of 1,000 with a few tasks in flight, and the
 * cost is the engine's own batch time (not wall time, which includes our
 * parsing) plus the allocated size of the index's LMDB folder.
 */

export type IndexCost = { indexUid: string; documents: number; indexingMs: number; diskBytes: number | null };

const BATCH_SIZE = 1000;
const TASKS_IN_FLIGHT = 3;

/** Creates the index with `settings`, uploads the documents and waits until they are indexed. */
export async function buildIndex<T>(
  client: EngineClient,
  engineDataDir: string,
  indexUid: string,
  settings: Record<string, unknown>,
  items: readonly T[],
  toDocument: (item: T) => Record<string, unknown>,
): Promise<IndexCost> {
  const dirsBefore = listIndexDirs(engineDataDir);
  await client.runTask((meili) => meili.createIndex(indexUid, { primaryKey: "id" }));
  await client.runTask((meili) => meili.index(indexUid).updateSettings(settings));
  await uploadDocuments(client, indexUid, items, toDocument);
  return measureIndex(client, indexUid, newIndexDirs(engineDataDir, dirsBefore));
}

/** Uploads documents in batches, a few tasks in flight, and waits until all are indexed. */
export function uploadDocuments<T>(
  client: EngineClient,
  indexUid: string,
  items: readonly T[],
  toDocument: (item: T) => Record<string, unknown>,
): Promise<void> {
  return uploadInterleaved(client, [{ indexUid, toDocument }], items);
}

export type UploadTarget<T> = { indexUid: string; toDocument: (item: T) => Record<string, unknown> };

/**
 * Uploads the same items to several indexes, batch k to each index in turn.
 * The engine indexes one task at a time, so the indexes are built over the
 * same stretch of time: load from other processes on a shared machine then
 * weighs on all of them alike, and their engine times stay comparable.
 */
export async function uploadInterleaved<T>(client: EngineClient, targets: ReadonlyArray<UploadTarget<T>>, items: readonly T[]): Promise<void> {
  const pending: number[] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const chunk = items.slice(start, start + BATCH_SIZE);
    for (const target of targets) {
      const documents = chunk.map(target.toDocument);
      const task = await client.call((meili) => meili.index(target.indexUid).addDocuments(documents), { timeoutMs: 300_000 });
      pending.push(task.taskUid);
    }
    while (pending.length > TASKS_IN_FLIGHT * targets.length) await client.waitForTask(pending.shift() ?? 0, 3_600_000);
  }
  for (const taskUid of pending) await client.waitForTask(taskUid, 3_600_000);
}

/** Engine time of the document batches of an index, and the size of its folders (see newIndexDirs). */
export async function measureIndex(client: EngineClient, indexUid: string, dirs: readonly string[]): Promise<IndexCost> {
  let indexingMs = 0;
  let from: number | null = null;
  for (;;) {
    const after: number | null = from;
    const page: BatchesResults = await client.call((meili) =>
      meili.batches.getBatches({ indexUids: [indexUid], types: ["documentAdditionOrUpdate"], limit: 1000, ...(after === null ? {} : { from: after }) }),
    );
    for (const batch of page.results) indexingMs += parseIsoDuration(batch.duration);
    if (page.next === null) break;
    from = page.next;
  }
  const stats = await client.call((meili) => meili.index(indexUid).getStats());
  const diskBytes = dirs.length > 0 ? dirs.reduce((sum, dir) => sum + folderBytes(dir), 0) : null;
  return { indexUid, documents: stats.numberOfDocuments, indexingMs, diskBytes };
}

/** `PT12.345S`, `PT1M2.5S`, `PT1H…` → milliseconds. */
export function parseIsoDuration(duration: string | null): number {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration ?? "");
  if (!match) return 0;
  const [, hours, minutes, seconds] = match;
  return Math.round(((Number(hours ?? 0) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000);
}

/** Index folders created since `before` was listed: an index's footprint is the folder it was given. */
export function newIndexDirs(engineDataDir: string, before: ReadonlySet<string>): string[] {
  return [...listIndexDirs(engineDataDir)].filter((dir) => !before.has(dir));
}

/** Each Meilisearch index lives in its own LMDB folder. */
export function listIndexDirs(engineDataDir: string): Set<string> {
  const root = path.join(engineDataDir, "meili", "data.ms", "indexes");
  if (!fs.existsSync(root)) return new Set();
  return new Set(fs.readdirSync(root).map((name) => path.join(root, name)));
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // Allocated blocks, not the sparse LMDB map size.
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).blocks * 512;
  }
  return total;
}

export function formatBytes(bytes: number | null): string {
  return bytes === null ? "n/a" : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

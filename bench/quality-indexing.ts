import fs from "node:fs";
import path from "node:path";
import type { EngineClient } from "@/lib/search/engine/http-client";

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
  await client.runTask("POST", "/indexes", { uid: indexUid, primaryKey: "id" });
  await client.runTask("PATCH", `/indexes/${indexUid}/settings`, settings);
  await uploadDocuments(client, indexUid, items, toDocument);
  return measureIndex(client, engineDataDir, indexUid, dirsBefore);
}

/** Uploads documents in batches, a few tasks in flight, and waits until all are indexed. */
export async function uploadDocuments<T>(
  client: EngineClient,
  indexUid: string,
  items: readonly T[],
  toDocument: (item: T) => Record<string, unknown>,
): Promise<void> {
  const pending: number[] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const batch = items.slice(start, start + BATCH_SIZE).map(toDocument);
    const task = await client.request<{ taskUid: number }>("POST", `/indexes/${indexUid}/documents`, batch, { timeoutMs: 300_000 });
    pending.push(task.taskUid);
    if (pending.length > TASKS_IN_FLIGHT) await client.waitForTask(pending.shift() ?? 0, 3_600_000);
  }
  for (const taskUid of pending) await client.waitForTask(taskUid, 3_600_000);
}

/** Engine time of the document batches of an index, and the size of the folders created since `dirsBefore`. */
export async function measureIndex(
  client: EngineClient,
  engineDataDir: string,
  indexUid: string,
  dirsBefore: ReadonlySet<string>,
): Promise<IndexCost> {
  let indexingMs = 0;
  let from: number | null = null;
  for (;;) {
    const page: { results: Array<{ duration: string | null }>; next: number | null } = await client.request(
      "GET",
      `/batches?indexUids=${indexUid}&types=documentAdditionOrUpdate&limit=1000${from === null ? "" : `&from=${from}`}`,
    );
    for (const batch of page.results) indexingMs += parseIsoDuration(batch.duration);
    if (page.next === null) break;
    from = page.next;
  }
  const stats = await client.request<{ numberOfDocuments: number }>("GET", `/indexes/${indexUid}/stats`);
  const newDirs = [...listIndexDirs(engineDataDir)].filter((dir) => !dirsBefore.has(dir));
  const diskBytes = newDirs.length > 0 ? newDirs.reduce((sum, dir) => sum + folderBytes(dir), 0) : null;
  return { indexUid, documents: stats.numberOfDocuments, indexingMs, diskBytes };
}

/** `PT12.345S`, `PT1M2.5S`, `PT1H…` → milliseconds. */
export function parseIsoDuration(duration: string | null): number {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration ?? "");
  if (!match) return 0;
  const [, hours, minutes, seconds] = match;
  return Math.round(((Number(hours ?? 0) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000);
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

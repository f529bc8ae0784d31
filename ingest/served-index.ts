import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/corrections/database";
import type { EngineClient } from "@/lib/search/engine/client";
import { SchemaMismatchError } from "@/lib/search/engine/errors";
import { countDocuments, ensureIndex } from "@/lib/search/index-admin";
import { readDocuments } from "@/lib/search/read-documents";
import type { Shard } from "@/lib/search/shards";
import { runIngest, type IngestOptions } from "./pipeline";

/**
 * The index `npm start` serves, made ready before the app starts: created when missing, the
 * bundled sample imported when it is empty, and — when it was built by an older schema and
 * holds nothing but that sample — the sample imported again with the current schema, since no
 * one's archive can be lost by it. Any other index of an older schema is refused with the advice
 * to rebuild it from its archive (index-admin.ts), as before.
 */

const BUNDLED_SAMPLE = { inputs: ["sample/pages"], manifest: "sample/manifest.json" } as const;

/** More documents than the sample could hold: such an index is not read through to check. */
const SAMPLE_MAX_DOCUMENTS = 1000;

export type ServedIndexOptions = {
  client: EngineClient;
  shards: readonly Shard[];
  indexUid: string;
  log: (message: string) => void;
  onProgress?: IngestOptions["onProgress"];
  /** The librarians' database: the sample's uncertain items go to its review queue, as any import's do. */
  corrections?: Db | null;
};

export async function prepareServedIndex(options: ServedIndexOptions): Promise<void> {
  const { client, shards, indexUid, log } = options;
  const importSample = (rebuild: boolean) =>
    runIngest({ inputs: [...BUNDLED_SAMPLE.inputs], manifestPath: BUNDLED_SAMPLE.manifest, indexUid, client, shards, rebuild, onProgress: options.onProgress, corrections: options.corrections ?? null });
  try {
    for (const shard of shards) await ensureIndex(shard.client, indexUid);
  } catch (error) {
    if (!(error instanceof SchemaMismatchError) || shards.length > 1 || !(await holdsOnlySample(client, indexUid, BUNDLED_SAMPLE.inputs))) throw error;
    log(`Index "${indexUid}" was built by an older version and holds only the bundled sample: importing it again`);
    const summary = await importSample(true);
    log(`Imported ${summary.articles} articles from ${summary.filesOk} files`);
    return;
  }
  const counts = await Promise.all(shards.map((shard) => countDocuments(shard.client, indexUid)));
  if (counts.some((count) => count > 0)) return;
  log(`Index "${indexUid}" is empty: importing the bundled sample (${BUNDLED_SAMPLE.inputs.join(", ")})`);
  const summary = await importSample(false);
  log(`Imported ${summary.articles} articles from ${summary.filesOk} files`);
}

/** Every document came from a file inside the sample's folders (and there are few enough to read). */
async function holdsOnlySample(client: EngineClient, indexUid: string, inputs: readonly string[]): Promise<boolean> {
  if ((await countDocuments(client, indexUid)) > SAMPLE_MAX_DOCUMENTS) return false;
  // Stored paths are canonical (discover.ts resolves links), so the folders are too.
  const folders = inputs.map((input) => `${fs.realpathSync.native(path.resolve(input))}${path.sep}`);
  for await (const page of readDocuments({ client, indexUid }, { fields: ["sourcePath"] })) {
    if (!page.every((document) => folders.some((folder) => document.sourcePath?.startsWith(folder)))) return false;
  }
  return true;
}

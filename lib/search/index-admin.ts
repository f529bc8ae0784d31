import { EngineApiError, EngineError, SchemaMismatchError } from "./engine/errors";
import { UPLOAD_TIMEOUT_MS, type EngineClient, type Task } from "./engine/client";
import { hashSettings, INDEX_SETTINGS, SCHEMA_VERSION } from "./index-schema";
import { DISPLAYED_FIELDS, type IndexDocument } from "./documents";

/**
 * Creating, configuring and filling the articles index. Settings are applied
 * before any document and awaited; the schema version and settings hash are
 * kept in a small meta index so a stale index is detected, not misread.
 */

const META_INDEX = "baoku_meta";

export type SchemaState = { status: "missing" } | { status: "current" } | { status: "stale"; found: string; expected: string };

type MetaDocument = { id: string; schemaVersion: number; settingsHash: string; updatedAt: string };

export async function readSchemaState(client: EngineClient, indexUid: string): Promise<SchemaState> {
  if (!(await indexExists(client, indexUid))) return { status: "missing" };
  const meta = await readMeta(client, indexUid);
  const expected = `v${SCHEMA_VERSION}/${hashSettings()}`;
  const found = meta ? `v${meta.schemaVersion}/${meta.settingsHash}` : "unknown";
  return found === expected ? { status: "current" } : { status: "stale", found, expected };
}

/** Throws SchemaMismatchError with what to do when the index was built differently. */
export async function assertSchemaCurrent(client: EngineClient, indexUid: string): Promise<void> {
  const state = await readSchemaState(client, indexUid);
  if (state.status === "stale") {
    throw new SchemaMismatchError(
      `The search index "${indexUid}" was built with schema ${state.found}, this version needs ${state.expected}. ` +
        `Rebuild it: npm run ingest -- --rebuild <your archive folders>`,
    );
  }
}

export async function indexExists(client: EngineClient, indexUid: string): Promise<boolean> {
  try {
    await client.call((meili) => meili.getRawIndex(indexUid));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Whether the engine said the index or document asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof EngineApiError && error.status === 404;
}

async function readMeta(client: EngineClient, indexUid: string): Promise<MetaDocument | null> {
  try {
    return await client.call((meili) => meili.index(META_INDEX).getDocument<MetaDocument>(indexUid));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Creates the index if needed and applies the settings; refuses a stale one. */
export async function ensureIndex(client: EngineClient, indexUid: string): Promise<void> {
  const state = await readSchemaState(client, indexUid);
  if (state.status === "current") return;
  if (state.status === "stale") await assertSchemaCurrent(client, indexUid);
  await configureIndex(client, indexUid);
}

/** Creates (or reconfigures) an index with our settings and records its schema. */
export async function configureIndex(client: EngineClient, indexUid: string): Promise<void> {
  if (!(await indexExists(client, indexUid))) {
    await client.runTask((meili) => meili.createIndex(indexUid, { primaryKey: "id" }));
  }
  await client.runTask((meili) => meili.index(indexUid).updateSettings({ ...INDEX_SETTINGS, displayedAttributes: [...DISPLAYED_FIELDS] }));
  const meta: MetaDocument = {
    id: indexUid,
    schemaVersion: SCHEMA_VERSION,
    settingsHash: hashSettings(),
    updatedAt: new Date().toISOString(),
  };
  await writeMeta(client, meta);
}

function writeMeta(client: EngineClient, meta: MetaDocument): Promise<Task> {
  return client.runTask((meili) => meili.index<MetaDocument>(META_INDEX).addDocuments([meta], { primaryKey: "id" }));
}

/** Enqueues an upsert; callers pipeline several batches and await the returned tasks. */
export async function enqueueUpsert(client: EngineClient, indexUid: string, documents: IndexDocument[]): Promise<number> {
  try {
    const enqueued = await client.call((meili) => meili.index<IndexDocument>(indexUid).addDocuments(documents, { primaryKey: "id" }), {
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
    return enqueued.taskUid;
  } catch (error) {
    throw explainRejectedBatch(error);
  }
}

/**
 * Meilisearch saves a payload to disk before parsing it; on a full disk the
 * file is cut short and the batch is reported as malformed JSON, which it is
 * not (we serialised it). Say what is really wrong.
 */
function explainRejectedBatch(error: unknown): unknown {
  if (error instanceof EngineApiError && (error.code === "malformed_payload" || error.code === "no_space_left_on_device")) {
    return new EngineError(
      `Meilisearch could not store a batch of documents: its disk is probably full (${error.message}). ` +
        `Free space under the data folder and run the import again; nothing already imported is lost.`,
      { cause: error },
    );
  }
  return error;
}

export async function deleteByFilter(client: EngineClient, indexUid: string, filter: string): Promise<Task> {
  return client.runTask((meili) => meili.index(indexUid).deleteDocuments({ filter }));
}

export async function countDocuments(client: EngineClient, indexUid: string): Promise<number> {
  if (!(await indexExists(client, indexUid))) return 0;
  const stats = await client.call((meili) => meili.index(indexUid).getStats());
  return stats.numberOfDocuments;
}

/** Swaps a freshly built index into place atomically, then drops the old copy. */
export async function swapIn(client: EngineClient, builtUid: string, liveUid: string): Promise<void> {
  if (!(await indexExists(client, liveUid))) await configureIndex(client, liveUid);
  await client.runTask((meili) => meili.swapIndexes([{ indexes: [liveUid, builtUid], rename: false }]));
  await client.runTask((meili) => meili.deleteIndex(builtUid));
  const meta = await readMeta(client, builtUid);
  if (meta) await writeMeta(client, { ...meta, id: liveUid });
}

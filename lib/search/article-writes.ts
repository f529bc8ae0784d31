import type { Article } from "@/lib/article/types";
import { DISPLAYED_FIELDS, fromStoredDocument, toIndexDocument, type IndexDocument, type SourceStamp, type StoredArticle } from "./documents";
import { EngineUnavailableError } from "./engine/errors";
import { enqueueUpsert } from "./index-admin";
import { readStoredDocument } from "./stored-document";
import { buildEqualsCondition, FILTER_ATTRIBUTES } from "./filter";
import { readDocuments } from "./read-documents";
import { getSearchContext, type SearchContext } from "./search-articles";
import { listEngines } from "./shard-calls";
import { findShard, toOnlyShard, type Shard } from "./shards";

/**
 * Writes of single articles outside an import: a librarian's correction is applied to the
 * stored article and written back at once (searches, facets, the author directory and exports
 * see it within the index version's second). On several engines each article goes to the
 * engine that holds it, and is removed from any other (a corrected date can move it).
 */

export type StoredEntry = { article: Article; stamp: SourceStamp };

const STAMP_FIELDS = ["sourcePath", "fileKey"] as const;

/** The stored articles with these ids, with the file they came from; an id not stored is absent. */
export async function readStoredEntries(ids: readonly string[], context: SearchContext = getSearchContext()): Promise<Map<string, StoredEntry>> {
  const found = new Map<string, StoredEntry>();
  for (const id of ids) {
    const stored = await readStoredDocument<StoredArticle & SourceStamp>(id, [...DISPLAYED_FIELDS, ...STAMP_FIELDS], context);
    if (stored) found.set(id, { article: fromStoredDocument(stored), stamp: { sourcePath: stored.sourcePath, fileKey: stored.fileKey } });
  }
  return found;
}

/** Ids of the articles read from one file, in print order (a split's new article right after its first part). */
export async function listFileArticleIds(fileKey: string, context: SearchContext = getSearchContext()): Promise<string[]> {
  const rows: Array<{ id: string; ordinal: number }> = [];
  for await (const page of readDocuments(context, { fields: ["id", "ordinal"], filter: buildEqualsCondition(FILTER_ATTRIBUTES.fileKey, fileKey) })) {
    for (const row of page) if (row.id !== undefined) rows.push({ id: row.id, ordinal: row.ordinal ?? 0 });
  }
  return rows.sort((a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.id);
}

/** Stores these articles (each with its file's stamp) and removes `removeIds`, on the engines that hold them. */
export async function writeArticles(entries: readonly StoredEntry[], removeIds: readonly string[], context: SearchContext = getSearchContext()): Promise<void> {
  const shards: readonly Shard[] = context.shards ?? [toOnlyShard(context.client)];
  const byShard = new Map<Shard, IndexDocument[]>();
  for (const entry of entries) {
    const document = toIndexDocument(entry.article, entry.stamp);
    const shard = findShard(shards, document);
    if (!shard) throw new EngineUnavailableError(`No engine in BAOKU_ENGINES holds ${document.id} (${document.date ?? "undated"}, ${document.source}).`);
    byShard.set(shard, [...(byShard.get(shard) ?? []), document]);
  }
  for (const { client } of listEngines(context)) {
    const shard = shards.find((candidate) => candidate.client === client);
    const documents = shard ? (byShard.get(shard) ?? []) : [];
    const written = new Set(documents.map((document) => document.id));
    // Elsewhere, the written articles are removed too: a corrected date may have moved one.
    const remove = [...removeIds, ...entries.map((entry) => entry.article.id).filter((id) => !written.has(id))];
    if (documents.length > 0) await client.waitForTask(await enqueueUpsert(client, context.indexUid, documents));
    if (remove.length > 0) {
      await client.runTask((meili) => meili.index(context.indexUid).deleteDocuments([...new Set(remove)]));
    }
  }
}

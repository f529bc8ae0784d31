import type { Locale, RecordAny } from "meilisearch";
import type { EngineClient } from "./engine/client";

/** The few raw Meilisearch calls query execution and verification share. */

export type QueryTarget = { client: EngineClient; indexUid: string };

export type EngineSearch = {
  q: string;
  attributesToSearchOn?: string[];
  matchingStrategy?: "all" | "last";
  locales?: Locale[];
  filter?: string;
};

/**
 * Locale the coded `*Chars` fields are indexed under (see index-schema.ts).
 * Queries must use the same one, so the engine reads the letter tokens as
 * plain Latin words on both sides.
 */
export const CODED_LOCALES: Locale[] = ["eng"];

/** More than any index here holds; the index's `maxTotalHits` is 1,000,000. */
export const ALL_HITS = 1_000_000;

export async function searchAll<Hit extends RecordAny>(target: QueryTarget, search: EngineSearch, attributesToRetrieve: readonly string[]): Promise<Hit[]> {
  const response = await target.client.call((meili) =>
    meili.index(target.indexUid).search<Hit>(search.q, { ...search, limit: ALL_HITS, attributesToRetrieve: [...attributesToRetrieve] }),
  );
  return response.hits;
}

export async function searchIds(target: QueryTarget, search: EngineSearch): Promise<string[]> {
  const hits = await searchAll<{ id: string }>(target, search, ["id"]);
  return hits.map((hit) => hit.id);
}

/** How many documents a search matches, without reading any of them. */
export async function countHits(target: QueryTarget, search: EngineSearch): Promise<number> {
  const response = await target.client.call((meili) => meili.index(target.indexUid).search(search.q, { ...search, limit: 0 }));
  return response.estimatedTotalHits ?? 0;
}

/** Changes whenever documents or settings change; keys caches of what the index contained. */
export async function readIndexVersion(target: QueryTarget): Promise<string> {
  const index = await target.client.call((meili) => meili.getRawIndex(target.indexUid));
  return `${target.client.connection.url}/${target.indexUid}@${index.updatedAt}`;
}

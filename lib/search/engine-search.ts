import type { Locale, RecordAny } from "meilisearch";
import { searchArchive } from "./archive-search";
import type { EngineClient } from "./engine/client";
import { EngineUnavailableError } from "./engine/errors";
import { forEachPart } from "./shard-calls";
import { isShardDown, markShardDown, markShardUp } from "./shard-health";
import type { Shard } from "./shards";

/** The few raw Meilisearch calls query execution and verification share. */

/**
 * Where a query runs: one engine's index, or (with `shards`) the same index on every engine of
 * an archive spread over several machines; `client` is then the first of them.
 */
export type QueryTarget = { client: EngineClient; indexUid: string; shards?: readonly Shard[] };

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
  const answers = await forEachPart(target, (part) => searchArchive<Hit>(part, { ...search, limit: ALL_HITS, attributesToRetrieve: [...attributesToRetrieve] }));
  return answers.flatMap((answer) => answer.hits);
}

export async function searchIds(target: QueryTarget, search: EngineSearch): Promise<string[]> {
  const hits = await searchAll<{ id: string }>(target, search, ["id"]);
  return hits.map((hit) => hit.id);
}

/** How many documents a search matches, without reading any of them. */
export async function countHits(target: QueryTarget, search: EngineSearch): Promise<number> {
  const answers = await forEachPart(target, (part) => searchArchive(part, { ...search, limit: 0 }));
  return answers.reduce((sum, answer) => sum + answer.total, 0);
}

const SHARD_VERSION_TIMEOUT_MS = 2000;

/** Changes whenever documents or settings change; keys caches of what the index contained. */
export async function readIndexVersion(target: QueryTarget): Promise<string> {
  if (!target.shards) {
    const index = await target.client.call((meili) => meili.getRawIndex(target.indexUid));
    return `${target.client.connection.url}/${target.indexUid}@${index.updatedAt}`;
  }
  // A sharded archive changes when any engine's part does, or when an engine goes or comes back.
  // A hung engine must not hold every search for the client's whole timeout: it counts as down.
  // An engine that failed moments ago is not asked again yet (shard-health.ts).
  const parts = await Promise.all(
    target.shards.map(async (shard) => {
      if (isShardDown(shard)) return `${shard.name}@down`;
      try {
        const index = await shard.client.call((meili) => meili.getRawIndex(target.indexUid), { timeoutMs: SHARD_VERSION_TIMEOUT_MS });
        markShardUp(shard);
        return `${shard.name}@${index.updatedAt}`;
      } catch (error) {
        if (!(error instanceof EngineUnavailableError)) throw error;
        markShardDown(shard);
        return `${shard.name}@down`;
      }
    }),
  );
  return `${target.client.connection.url}/${target.indexUid}@${parts.join(",")}`;
}

/**
 * The engines a sharded archive's version (above) records as down. Work cached under a version
 * (term verdicts) must leave out exactly these engines, so it is redone once they answer again.
 */
export function listDownInVersion(version: string): Set<string> {
  return new Set([...version.matchAll(/(?:^|[,@])([A-Za-z0-9_-]+)@down(?=,|$)/gu)].map((match) => match[1] ?? ""));
}

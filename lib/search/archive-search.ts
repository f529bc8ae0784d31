import type { FederatedMultiSearchParams, Meilisearch, MultiSearchQueryWithFederation, RecordAny, SearchParams } from "meilisearch";
import { INDEX_SETTINGS } from "./index-schema";
import { EngineUnavailableError } from "./engine/errors";
import type { QueryTarget } from "./engine-search";
import { isShardDown, markShardDown } from "./shard-health";
import type { Shard } from "./shards";

/**
 * Every search of the archive goes through here. On one engine it is that
 * engine's search; on an archive spread over several engines (shards.ts) it
 * is Meilisearch's remote federated search: one engine asks each engine
 * (itself included) for the same query and merges the hits by ranking score
 * and sort, the totals and the facet counts. An engine that does not answer
 * is named in `missing`, never silently left out.
 */

export type IndexSearch = SearchParams & { q: string };
export type FacetDistribution = Record<string, Record<string, number>>;

export type SearchAnswer<Hit> = {
  hits: Hit[];
  total: number;
  facetDistribution: FacetDistribution;
  /** Engines (by name) whose part of the archive is not in this answer. */
  missing: string[];
};

export type HitWindow = { offset: number; limit: number };

const DEFAULT_PAGE_SIZE = 20;

export async function searchArchive<Hit extends RecordAny>(target: QueryTarget, search: IndexSearch): Promise<SearchAnswer<Hit>> {
  if (!target.shards) return searchEngine<Hit>(target, search);
  const { page, hitsPerPage, offset, limit, facets, ...rest } = search;
  const window =
    page !== undefined || hitsPerPage !== undefined
      ? { offset: ((page ?? 1) - 1) * (hitsPerPage ?? DEFAULT_PAGE_SIZE), limit: hitsPerPage ?? DEFAULT_PAGE_SIZE }
      : { offset: offset ?? 0, limit: limit ?? DEFAULT_PAGE_SIZE };
  return federateArchive<Hit>(target, [rest], window, facets ?? []);
}

/**
 * One search on one engine. `init` is meilisearch-js's extra request init, which the transport
 * reads: the verifier lists its candidates as byte strings with keep-alive-transport.ts's AS_BYTE_STRINGS.
 */
export async function searchEngine<Hit extends RecordAny>(engine: Pick<QueryTarget, "client" | "indexUid">, search: IndexSearch, init?: RequestInit): Promise<SearchAnswer<Hit>> {
  const response = await engine.client.call((meili) => meili.index(engine.indexUid).search<Hit>(search.q, search, init));
  const paged = response as { totalHits?: number; estimatedTotalHits?: number };
  return { hits: response.hits, total: paged.totalHits ?? paged.estimatedTotalHits ?? 0, facetDistribution: response.facetDistribution ?? {}, missing: [] };
}

/** Several searches merged into one ranked list (a query's OR branches), over one engine or all of them. */
export async function federateArchive<Hit extends RecordAny>(
  target: QueryTarget,
  searches: readonly IndexSearch[],
  window: HitWindow,
  facets: readonly string[],
): Promise<SearchAnswer<Hit>> {
  // Engines that failed moments ago are left out and reported missing (shard-health.ts).
  const answering = target.shards?.filter((shard) => !isShardDown(shard));
  const leftOut = target.shards?.filter((shard) => !answering?.includes(shard)).map((shard) => shard.name) ?? [];
  if (answering?.length === 0) throw new EngineUnavailableError(`None of the archive's engines answers (${leftOut.join(", ")}).`);
  const remotes = answering?.map((shard) => shard.name) ?? [null];
  const queries: MultiSearchQueryWithFederation[] = searches.flatMap((search) =>
    remotes.map((remote) => ({ indexUid: target.indexUid, ...search, ...(remote ? { federationOptions: { weight: 1, remote } } : {}) })),
  );
  const merged = target.shards !== undefined;
  const federated: FederatedMultiSearchParams = {
    federation: {
      ...window,
      ...(facets.length > 0 ? { facetsByIndex: { [target.indexUid]: [...facets] } } : {}),
      ...(facets.length > 0 && merged ? { mergeFacets: { maxValuesPerFacet: INDEX_SETTINGS.faceting.maxValuesPerFacet } } : {}),
    },
    queries,
  };
  const response = (await callCoordinator(answering ?? [], target, (meili) => meili.multiSearch<FederatedMultiSearchParams, Hit>(federated))) as FederatedAnswer<Hit>;
  const failed = Object.keys(response.remoteErrors ?? {});
  for (const shard of target.shards ?? []) if (failed.includes(shard.name)) markShardDown(shard);
  return {
    hits: response.hits.map(stripFederationInfo),
    total: response.estimatedTotalHits ?? 0,
    facetDistribution: (merged ? response.facetDistribution : response.facetsByIndex?.[target.indexUid]?.distribution) ?? {},
    missing: [...leftOut, ...failed],
  };
}

type FederatedAnswer<Hit> = {
  hits: Hit[];
  estimatedTotalHits?: number;
  facetDistribution?: FacetDistribution;
  facetsByIndex?: Record<string, { distribution?: FacetDistribution }>;
  /** Meilisearch 1.21 names each remote that failed; the client's types do not have it yet. */
  remoteErrors?: Record<string, unknown>;
};

/**
 * Any engine of a sharded archive can run a federated search over all of them: when the first
 * does not answer, the next one does (and reports the first as missing).
 */
async function callCoordinator<T>(answering: readonly Shard[], target: QueryTarget, operation: (meili: Meilisearch) => Promise<T>): Promise<T> {
  if (!target.shards) return target.client.call(operation);
  let firstFailure: unknown;
  for (const shard of answering) {
    try {
      return await shard.client.call(operation);
    } catch (error) {
      if (!(error instanceof EngineUnavailableError)) throw error;
      markShardDown(shard);
      firstFailure ??= error;
    }
  }
  throw firstFailure;
}

function stripFederationInfo<Hit>(hit: Hit): Hit {
  if (typeof hit !== "object" || hit === null || !("_federation" in hit)) return hit;
  const { _federation: _ignored, ...rest } = hit as Record<string, unknown>;
  return rest as Hit;
}

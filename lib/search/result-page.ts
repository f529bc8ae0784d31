import type { FederatedMultiSearchParams, RecordAny, SearchParams } from "meilisearch";
import { ALL_HITS, type EngineSearch, type QueryTarget } from "./engine-search";
import type { SortOrder } from "./search-request";

/**
 * The final engine call of a query: one search when one branch is left, a
 * federated multi-search over the branches otherwise. Either way the engine
 * computes the page, the exact total and the facets of the whole result set;
 * with the "sort" ranking rule first, federation merges branches by date.
 */

export type FacetDistribution = Record<string, Record<string, number>>;

export type PageRequest = {
  sort: SortOrder;
  /** 1-based. */
  page: number;
  hitsPerPage: number;
  facets: readonly string[];
  attributesToRetrieve: readonly string[];
};

export type ResultPage<Hit> = {
  hits: Hit[];
  totalHits: number;
  totalPages: number;
  page: number;
  facetDistribution: FacetDistribution;
};


export function fetchResultPage<Hit extends RecordAny>(target: QueryTarget, searches: readonly EngineSearch[], request: PageRequest): Promise<ResultPage<Hit>> {
  const [only] = searches;
  if (!only) return Promise.resolve({ hits: [], totalHits: 0, totalPages: 0, page: request.page, facetDistribution: {} });
  return searches.length === 1 ? runSingle<Hit>(target, only, request) : runFederated<Hit>(target, searches, request);
}

/** The engine's sort for a reader's order; none for relevance. */
export function toEngineSort(sort: SortOrder): string[] | undefined {
  if (sort === "newest") return ["dateDay:desc"];
  if (sort === "oldest") return ["dateDay:asc"];
  return undefined;
}

async function runSingle<Hit extends RecordAny>(target: QueryTarget, search: EngineSearch, request: PageRequest): Promise<ResultPage<Hit>> {
  const sort = toEngineSort(request.sort);
  const response = await target.client.call((meili) =>
    meili.index(target.indexUid).search<Hit, SearchParams & { page: number }>(search.q, {
      ...search,
      page: request.page,
      hitsPerPage: Math.min(request.hitsPerPage, ALL_HITS),
      facets: [...request.facets],
      attributesToRetrieve: [...request.attributesToRetrieve],
      ...(sort ? { sort } : {}),
    }),
  );
  return {
    hits: response.hits,
    totalHits: response.totalHits ?? 0,
    totalPages: response.totalPages ?? 0,
    page: response.page ?? request.page,
    facetDistribution: response.facetDistribution ?? {},
  };
}

async function runFederated<Hit extends RecordAny>(target: QueryTarget, searches: readonly EngineSearch[], request: PageRequest): Promise<ResultPage<Hit>> {
  // A branch without text (an OR side of only negations or symbols, `-甲|#`) is a placeholder
  // search, which the engine cannot rank against a text search ("cannot compare a relevancy rule
  // with a sort rule", 400): such a union is merged newest first.
  const withText = searches.filter((search) => search.q.trim() !== "").length;
  const placeholder = withText > 0 && withText < searches.length;
  const sort = toEngineSort(request.sort) ?? (placeholder ? toEngineSort("newest") : undefined);
  const federated: FederatedMultiSearchParams = {
    federation: {
      offset: (request.page - 1) * request.hitsPerPage,
      limit: Math.min(request.hitsPerPage, ALL_HITS),
      facetsByIndex: { [target.indexUid]: [...request.facets] },
    },
    queries: searches.map((search) => ({
      indexUid: target.indexUid,
      ...search,
      attributesToRetrieve: [...request.attributesToRetrieve],
      ...(sort ? { sort } : {}),
    })),
  };
  const response = await target.client.call((meili) => meili.multiSearch<FederatedMultiSearchParams, Hit>(federated));
  const totalHits = response.estimatedTotalHits ?? 0;
  return {
    hits: response.hits.map(stripFederationInfo),
    totalHits,
    totalPages: Math.ceil(totalHits / request.hitsPerPage),
    page: request.page,
    facetDistribution: response.facetsByIndex?.[target.indexUid]?.distribution ?? {},
  };
}

function stripFederationInfo<Hit>(hit: Hit): Hit {
  if (typeof hit !== "object" || hit === null || !("_federation" in hit)) return hit;
  const { _federation: _ignored, ...rest } = hit as Record<string, unknown>;
  return rest as Hit;
}

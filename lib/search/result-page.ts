import type { RecordAny } from "meilisearch";
import { federateArchive, searchArchive, type FacetDistribution, type SearchAnswer } from "./archive-search";
import { ALL_HITS, type EngineSearch, type QueryTarget } from "./engine-search";
import type { SortOrder } from "./search-request";

/**
 * The final engine call of a query: one search when one branch is left, a
 * federated multi-search over the branches otherwise. Either way the engine
 * computes the page, the exact total and the facets of the whole result set;
 * with the "sort" ranking rule first, federation merges branches by date.
 */

export type { FacetDistribution } from "./archive-search";

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
  /** Engines whose part of a sharded archive is not in this page (shards.ts). */
  missing: string[];
};


export function fetchResultPage<Hit extends RecordAny>(target: QueryTarget, searches: readonly EngineSearch[], request: PageRequest): Promise<ResultPage<Hit>> {
  const [only] = searches;
  if (!only) return Promise.resolve({ hits: [], totalHits: 0, totalPages: 0, page: request.page, facetDistribution: {}, missing: [] });
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
  const hitsPerPage = Math.min(request.hitsPerPage, ALL_HITS);
  const answer = await searchArchive<Hit>(target, {
    ...search,
    page: request.page,
    hitsPerPage,
    facets: [...request.facets],
    attributesToRetrieve: [...request.attributesToRetrieve],
    ...(sort ? { sort } : {}),
  });
  return toResultPage(answer, request.page, hitsPerPage);
}

async function runFederated<Hit extends RecordAny>(target: QueryTarget, searches: readonly EngineSearch[], request: PageRequest): Promise<ResultPage<Hit>> {
  // A branch without text (an OR side of only negations or symbols, `-甲|#`) is a placeholder
  // search, which the engine cannot rank against a text search ("cannot compare a relevancy rule
  // with a sort rule", 400): such a union is merged newest first.
  const withText = searches.filter((search) => search.q.trim() !== "").length;
  const placeholder = withText > 0 && withText < searches.length;
  const sort = toEngineSort(request.sort) ?? (placeholder ? toEngineSort("newest") : undefined);
  const hitsPerPage = Math.min(request.hitsPerPage, ALL_HITS);
  const answer = await federateArchive<Hit>(
    target,
    searches.map((search) => ({ ...search, attributesToRetrieve: [...request.attributesToRetrieve], ...(sort ? { sort } : {}) })),
    { offset: (request.page - 1) * request.hitsPerPage, limit: hitsPerPage },
    request.facets,
  );
  return toResultPage(answer, request.page, hitsPerPage);
}

function toResultPage<Hit>(answer: SearchAnswer<Hit>, page: number, hitsPerPage: number): ResultPage<Hit> {
  return {
    hits: answer.hits,
    totalHits: answer.total,
    totalPages: Math.ceil(answer.total / Math.max(1, hitsPerPage)),
    page,
    facetDistribution: answer.facetDistribution,
    missing: answer.missing,
  };
}

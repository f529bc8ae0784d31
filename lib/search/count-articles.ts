import { executeQuery } from "./execute-query";
import { readCurrentIndexVersion } from "./index-version";
import { createMemo } from "./memo";
import {
  FACET_FIELDS,
  getSearchContext,
  prepareRequest,
  toFacetCounts,
  type FacetCounts,
  type SearchContext,
} from "./search-articles";
import type { SearchRequest } from "./search-request";

/**
 * How many articles a request matches and its facet counts, without hits,
 * highlights or snippets: what the results page asks for each selected filter
 * group (counts as if that group were unselected) and for the date histogram.
 *
 * Answers are cached per index version (index-version.ts), so readers clicking
 * through the same filters cost one engine call per distinct question until
 * the index changes; after an ingest, counts are at most a second old.
 */

/** `missing`: engines of a sharded archive that did not answer (their articles are not counted). */
export type ArticleCounts = { total: number; facets: FacetCounts; missing: string[] };

const counts = createMemo<ArticleCounts>({ maxEntries: 2000, ttlMs: 10 * 60_000, keep: (answer) => answer.missing.length === 0 });

export async function countArticles(request: SearchRequest, context: SearchContext = getSearchContext()): Promise<ArticleCounts> {
  const version = await readCurrentIndexVersion(context);
  const { page: _page, size: _size, sort: _sort, ...question } = request;
  return counts.get(`${version}|${JSON.stringify(question)}`, async () => {
    const { compiled, filter } = await prepareRequest(request, context);
    const result = await executeQuery(context, {
      compiled,
      filter,
      sort: "relevance",
      page: 1,
      hitsPerPage: 0,
      facets: FACET_FIELDS,
      attributesToRetrieve: [],
    });
    return { total: result.totalHits, facets: toFacetCounts(result.facetDistribution), missing: result.missing };
  });
}

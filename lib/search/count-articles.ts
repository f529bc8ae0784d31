import { executeQuery, type SettleMode } from "./execute-query";
import { readCurrentIndexVersion } from "./index-version";
import { createMemo } from "./memo";
import {
  findRememberedAnswer,
  getSearchContext,
  prepareRequest,
  toFacetCounts,
  type FacetCounts,
  type FacetField,
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

/**
 * `facets`: only the groups asked for (a filter group's counts, the histogram's years or months);
 * the engine's cost grows with every facet it computes. `missing`: engines of a sharded archive
 * that did not answer (their articles are not counted). `exact`: false while a long term is still being
 * verified (`settle: "later"`, execute-query.ts): the counts are then upper bounds.
 */
export type ArticleCounts<F extends FacetField = FacetField> = { total: number; facets: Pick<FacetCounts, F>; missing: string[]; exact: boolean };

/** Keyed by the groups asked for too, so an answer always holds the groups its key names. */
const counts = createMemo<Omit<ArticleCounts, "facets"> & { facets: Partial<FacetCounts> }>({ maxEntries: 2000, ttlMs: 10 * 60_000, keep: (answer) => answer.missing.length === 0 && answer.exact });

/** The total and the counts of the facet groups `facets` (none for a total alone). */
export async function countArticles<F extends FacetField>(
  request: SearchRequest,
  facets: readonly F[],
  context: SearchContext = getSearchContext(),
  /** `version`: as searchArticles's (search-articles.ts), read fresh by the caller; the cached one (at most a second old) otherwise. */
  { settle = "now", version: known }: { settle?: SettleMode; version?: string } = {},
): Promise<ArticleCounts<F>> {
  const version = known ?? (await readCurrentIndexVersion(context));
  const { page: _page, size: _size, sort: _sort, ...question } = request;
  const asked = [...new Set(facets)].sort();
  const searched = await readSearchedCounts(request, version, asked);
  if (searched) return searched;
  const answer = await counts.get(`${version}|${settle}|${asked.join(",")}|${JSON.stringify(question)}`, async () => {
    const { compiled, filter } = await prepareRequest(request, context);
    const result = await executeQuery(context, {
      compiled,
      filter,
      // The version this answer is filed under: verdicts are then filed under it too, and not read again.
      indexVersion: version,
      sort: "relevance",
      page: 1,
      hitsPerPage: 0,
      facets: asked,
      attributesToRetrieve: [],
      settle,
    });
    return { total: result.totalHits, facets: toFacetCounts(result.facetDistribution, asked), missing: result.missing, exact: result.exact };
  });
  return answer as ArticleCounts<F>;
}

/**
 * The counts of an exact, whole answer searchArticles remembers for the same request (page, size and
 * sort included: those of the page asking), so that ticking a filter after a search costs one engine
 * search, not two. Null when there is none, or it is an estimate or lacks a part of the archive.
 */
async function readSearchedCounts<F extends FacetField>(request: SearchRequest, version: string, asked: readonly F[]): Promise<ArticleCounts<F> | null> {
  const remembered = findRememberedAnswer(request, version);
  const answer = remembered ? await remembered.catch(() => null) : null;
  if (!answer || !answer.exact || answer.missing.length > 0) return null;
  const facets = Object.fromEntries(asked.map((facet) => [facet, answer.facets[facet]])) as Pick<FacetCounts, F>;
  return { total: answer.total, facets, missing: [], exact: true };
}

import type { ExportArticle } from "@/lib/export/export-row";
import type { StoredArticle } from "./documents";
import { executeQuery } from "./execute-query";
import { buildRequestFilter, checkSchemaOnce, compileRequestQuery, getSearchContext, type SearchContext } from "./search-articles";
import type { SearchRequest } from "./search-request";

/**
 * Exports read every hit of a result set, so they skip what a results page
 * needs and they do not: no facets, no highlights or snippets, and only the
 * stored fields an export record is made of (lib/export/export-row.ts), not
 * the article text. The query, filter, sort and ranking are searchArticles'
 * own (same compile and filter steps, same executeQuery), so the order is
 * the one the reader pages through.
 */

/** Stored fields an export reads; `bylines` holds the authors with their roles. */
export const EXPORT_STORED_FIELDS = ["id", "date", "source", "page", "column", "title", "subtitle", "bylines"] as const;
type ExportStored = Pick<StoredArticle, (typeof EXPORT_STORED_FIELDS)[number]>;

/** Hits per engine call: light hits, so a few large pages instead of many of a results page's size. */
export const EXPORT_PAGE_SIZE = 1000;

/** Every article of a result set, page by page in result order, up to `limit`. */
export async function* iterateResultPages(
  request: SearchRequest,
  limit: number,
  context: SearchContext = getSearchContext(),
  pageSize: number = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportArticle[]> {
  const compiled = compileRequestQuery(request.q);
  const filter = buildRequestFilter(request);
  await checkSchemaOnce(context);
  let delivered = 0;
  for (let page = 1; delivered < limit; page++) {
    const result = await executeQuery<ExportStored>(context, {
      compiled,
      filter,
      sort: request.sort,
      page,
      hitsPerPage: pageSize,
      facets: [],
      attributesToRetrieve: EXPORT_STORED_FIELDS,
    });
    const articles = result.hits.slice(0, limit - delivered).map(toExportArticle);
    if (articles.length === 0) return;
    delivered += articles.length;
    yield articles;
    if (page >= result.totalPages) return;
  }
}

/** The export's part of documents.ts' fromStoredDocument, with the same defaults. */
function toExportArticle(stored: ExportStored): ExportArticle {
  return {
    id: stored.id,
    date: stored.date ?? null,
    source: stored.source,
    page: stored.page ?? null,
    column: stored.column ?? null,
    title: stored.title,
    subtitle: stored.subtitle ?? null,
    authors: stored.bylines ?? [],
  };
}

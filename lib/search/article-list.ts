import type { ArticleSummary } from "@/lib/article/types";
import { searchArchive } from "./archive-search";
import { fromStoredSummary, SUMMARY_FIELDS, type StoredSummary } from "./documents";
import { getSearchContext, type SearchContext } from "./search-articles";

/**
 * Lists of articles without their text (browse by date, related articles):
 * the body is the bulk of a document and lists never print it.
 */

/** Issues are printed in page order, articles in their order on the page. */
export function compareByPrintOrder(a: ArticleSummary, b: ArticleSummary): number {
  return (
    (a.date ?? "").localeCompare(b.date ?? "") ||
    a.source.localeCompare(b.source, "zh-CN") ||
    (a.page ?? Number.MAX_SAFE_INTEGER) - (b.page ?? Number.MAX_SAFE_INTEGER) ||
    a.sourceFile.localeCompare(b.sourceFile) ||
    a.ordinal - b.ordinal
  );
}

export type ListQuery = { filter: string; limit: number; sort?: string[] };

export async function listArticles(
  { filter, limit, sort }: ListQuery,
  context: SearchContext = getSearchContext(),
): Promise<{ articles: ArticleSummary[]; total: number }> {
  const answer = await searchArchive<StoredSummary>(context, { q: "", filter, limit, ...(sort ? { sort } : {}), attributesToRetrieve: [...SUMMARY_FIELDS] });
  return { articles: answer.hits.map(fromStoredSummary), total: answer.total };
}

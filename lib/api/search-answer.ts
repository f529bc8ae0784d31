import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { parseSearchRequest } from "@/lib/search/search-request";
import { toErrorAnswer, toFailureAnswer, type JsonAnswer } from "./json-answer";

/** GET /api/search's answer for a query string: exactly the parameters of the search page. */
export async function answerSearchQuery(params: URLSearchParams, context?: SearchContext): Promise<JsonAnswer> {
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) return toErrorAnswer(400, "invalid_parameter", parsed.message);
  try {
    // The hits are always right; a first search with a common long term may answer before its counts are (`exact`).
    const result = await searchArticles(parsed.request, context, { settle: "later" });
    const body = {
      query: result.request,
      total: result.total,
      page: result.page,
      totalPages: result.totalPages,
      processingTimeMs: result.processingTimeMs,
      hits: result.hits.map((hit) => ({ article: hit.article, title: hit.title, snippets: hit.snippets })),
      facets: result.facets,
      // Non-empty when part of an archive spread over several engines did not answer: the total is then partial.
      missing: result.missing,
      complete: result.missing.length === 0,
      // False while a long term is verified after this answer: `total` and `facets` are then upper bounds.
      exact: result.exact,
    };
    return { status: 200, body };
  } catch (error) {
    return toFailureAnswer(error);
  }
}

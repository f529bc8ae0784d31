import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { parseSearchRequest } from "@/lib/search/search-request";
import { toErrorAnswer, toFailureAnswer, type JsonAnswer } from "./json-answer";

/** GET /api/search's answer for a query string: exactly the parameters of the search page. */
export async function answerSearchQuery(params: URLSearchParams, context?: SearchContext): Promise<JsonAnswer> {
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) return toErrorAnswer(400, "invalid_parameter", parsed.message);
  try {
    const result = await searchArticles(parsed.request, context);
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
    };
    return { status: 200, body };
  } catch (error) {
    return toFailureAnswer(error);
  }
}

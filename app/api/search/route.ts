import type { NextRequest } from "next/server";
import { answerError, answerJson } from "@/lib/api/respond";
import { searchArticles } from "@/lib/search/search-articles";
import { parseSearchRequest } from "@/lib/search/search-request";

export const dynamic = "force-dynamic";

/** GET /api/search — exactly the parameters of the search page. */
export async function GET(request: NextRequest) {
  const parsed = parseSearchRequest(request.nextUrl.searchParams);
  if (!parsed.ok) return answerError(400, "invalid_parameter", parsed.message);
  return answerJson(async () => {
    const result = await searchArticles(parsed.request);
    return {
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
  });
}

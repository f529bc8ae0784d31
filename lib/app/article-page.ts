import type { Article } from "@/lib/article/types";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { getArticle } from "@/lib/search/search-articles";
import { parseQuery } from "@/lib/search/query/parse-query";
import { compileQuery } from "@/lib/search/query/compile-query";
import { parseSearchRequest, toSearchQueryString } from "@/lib/search/search-request";

export type ArticlePageData =
  | { kind: "ok"; article: Article; terms: string[]; backHref: string | null }
  | { kind: "missing" }
  | { kind: "unavailable" };

/** The article plus, when arriving from a search, its terms to highlight and the way back. */
export async function loadArticlePage(id: string, params: Record<string, string | string[] | undefined>): Promise<ArticlePageData> {
  let article: Article | null;
  try {
    article = await getArticle(id);
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { kind: "unavailable" };
    throw error;
  }
  if (!article) return { kind: "missing" };
  const request = parseSearchRequest(params);
  if (!request.ok || !request.request.q) return { kind: "ok", article, terms: [], backHref: null };
  const parsed = parseQuery(request.request.q);
  const compiled = parsed.ok ? compileQuery(parsed.query) : null;
  const terms = compiled?.ok ? [...compiled.compiled.highlightTerms] : [];
  return { kind: "ok", article, terms, backHref: `/search?${toSearchQueryString(request.request)}` };
}

import { cache } from "react";
import type { Article } from "@/lib/article/types";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { compileQuery } from "@/lib/search/query/compile-query";
import { parseQuery } from "@/lib/search/query/parse-query";
import { getIssueNeighbours, getMoreByAuthors, type AuthorWorks, type IssueNeighbours } from "@/lib/search/related";
import { getArticle } from "@/lib/search/search-articles";
import { toSearchQueryString } from "@/lib/search/search-request";
import { readSearchRequest, type SearchParams } from "./search-page";

export type ArticlePageData =
  | { kind: "ok"; article: Article; terms: string[]; backHref: string | null; neighbours: IssueNeighbours; byAuthors: AuthorWorks[] }
  | { kind: "missing" }
  | { kind: "unavailable" };

const WORKS_PER_AUTHOR = 5;

/** One lookup per request, shared by the page title and the page. */
const getArticleOnce = cache((id: string) => getArticle(id));

/** The article, what surrounds it in print and by its authors, and, when arriving from a search, its terms and the way back. */
export async function loadArticlePage(id: string, params: SearchParams): Promise<ArticlePageData> {
  try {
    const article = await getArticleOnce(id);
    if (!article) return { kind: "missing" };
    const [neighbours, byAuthors] = await Promise.all([getIssueNeighbours(article), getMoreByAuthors(article, WORKS_PER_AUTHOR)]);
    return { kind: "ok", article, ...readSearchOrigin(params), neighbours, byAuthors };
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { kind: "unavailable" };
    throw error;
  }
}

/** Just the article, for the page title. */
export async function loadArticleTitle(id: string): Promise<string | null> {
  try {
    return (await getArticleOnce(id))?.title ?? null;
  } catch (error) {
    if (error instanceof EngineUnavailableError) return null;
    throw error;
  }
}

/** The search the reader came from (carried in the article URL's query string). */
function readSearchOrigin(params: SearchParams): { terms: string[]; backHref: string | null } {
  const parsed = readSearchRequest(params);
  if (!parsed.ok) return { terms: [], backHref: null };
  const query = toSearchQueryString(parsed.request);
  if (!query) return { terms: [], backHref: null };
  const compiled = parsed.request.q ? parseAndCompile(parsed.request.q) : null;
  return { terms: compiled ? [...compiled.highlightTerms] : [], backHref: `/search?${query}` };
}

function parseAndCompile(q: string) {
  const parsed = parseQuery(q);
  if (!parsed.ok) return null;
  const compiled = compileQuery(parsed.query);
  return compiled.ok ? compiled.compiled : null;
}

import type { Article } from "@/lib/article/types";
import { readEnv } from "@/lib/config/env";
import { getEngineClient } from "./connection";
import { fromStoredDocument, DISPLAYED_FIELDS, type StoredArticle } from "./documents";
import type { EngineClient } from "./engine/http-client";
import { buildFilter } from "./filter";
import { buildSnippets, highlightText, type HighlightSegment, type Snippet } from "./highlight";
import { assertSchemaCurrent } from "./index-admin";
import { buildStepSearchParams, compileQuery, type CompiledQuery } from "./query/compile-query";
import { parseQuery } from "./query/parse-query";
import type { SearchRequest } from "./search-request";

/**
 * Search over the articles index. The reader's query is parsed and compiled
 * into phrase searches over the char-token fields; hits come back as
 * `Article` with highlights computed on the original text.
 */

export const FACET_FIELDS = ["year", "yearMonth", "authors", "roles", "topics", "column", "source"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
export type FacetCounts = Record<FacetField, Array<{ value: string; count: number }>>;

export type SearchHit = {
  article: Article;
  title: HighlightSegment[];
  snippets: Snippet[];
};

export type SearchResult = {
  request: SearchRequest;
  total: number;
  page: number;
  totalPages: number;
  processingTimeMs: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /** Normalised positive terms, for highlighting on the article page. */
  terms: string[];
};

/** Bad query or filter input: shown to the reader, answered with 400 by the API. */
export class SearchInputError extends Error {
  override name = "SearchInputError";
}

type RawSearchResponse = {
  hits: StoredArticle[];
  totalHits?: number;
  totalPages?: number;
  page?: number;
  processingTimeMs: number;
  facetDistribution?: Partial<Record<string, Record<string, number>>>;
};

/** Which engine and index to search; pages use the configured one, tests pass their own. */
export type SearchContext = { client: EngineClient; indexUid: string };

export function getSearchContext(): SearchContext {
  return { client: getEngineClient(), indexUid: readEnv().BAOKU_INDEX };
}

const checkedSchemas = new Set<string>();

async function checkSchemaOnce({ client, indexUid }: SearchContext): Promise<void> {
  const key = `${client.connection.url}/${indexUid}`;
  if (checkedSchemas.has(key)) return;
  await assertSchemaCurrent(client, indexUid);
  checkedSchemas.add(key);
}

export async function searchArticles(request: SearchRequest, context: SearchContext = getSearchContext()): Promise<SearchResult> {
  const compiled = compileRequestQuery(request.q);
  const filter = buildRequestFilter(request);
  const { client, indexUid } = context;
  await checkSchemaOnce(context);
  const branch = compiled?.branches[0];
  if (compiled && (compiled.branches.length > 1 || (branch?.steps.length ?? 0) > 1)) {
    throw new SearchInputError("暂不支持 OR 组合或超过 10 个检索词的查询");
  }
  const step = branch?.steps[0];
  const stepParams = step ? buildStepSearchParams(step, [filter, branch?.filter]) : { q: "", filter: filter ?? undefined };
  const started = performance.now();
  const response = await client.request<RawSearchResponse>("POST", `/indexes/${indexUid}/search`, {
    ...stepParams,
    hitsPerPage: request.size,
    page: request.page,
    facets: [...FACET_FIELDS],
    attributesToRetrieve: [...DISPLAYED_FIELDS],
    sort: toSort(request.sort),
    locales: ["cmn"],
  });
  const terms = [...(compiled?.highlightTerms ?? [])];
  return {
    request,
    total: response.totalHits ?? 0,
    page: response.page ?? request.page,
    totalPages: response.totalPages ?? 0,
    processingTimeMs: Math.max(response.processingTimeMs, Math.round(performance.now() - started)),
    hits: response.hits.map((stored) => toSearchHit(fromStoredDocument(stored), terms)),
    facets: toFacetCounts(response.facetDistribution ?? {}),
    terms,
  };
}

function compileRequestQuery(q: string): CompiledQuery | null {
  if (!q.trim()) return null;
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new SearchInputError(parsed.error.message);
  if (parsed.query.clauses.length === 0) return null;
  const compiled = compileQuery(parsed.query);
  if (!compiled.ok) throw new SearchInputError(compiled.error.message);
  return compiled.compiled;
}

function buildRequestFilter(request: SearchRequest): string | null {
  const pairs = request.author.length > 0 && request.role.length > 0;
  const built = buildFilter({
    dateFrom: request.from,
    dateTo: request.to,
    authors: pairs ? [] : request.author,
    roles: pairs ? request.author.flatMap((name) => request.role.map((role) => `${role}:${name}`)) : [],
    topics: request.topic,
    columns: request.column,
    sources: request.source,
    roleNames: pairs ? [] : request.role,
  });
  if (!built.ok) throw new SearchInputError(built.error.message);
  return built.filter;
}

function toSort(sort: SearchRequest["sort"]): string[] | undefined {
  if (sort === "newest") return ["dateDay:desc"];
  if (sort === "oldest") return ["dateDay:asc"];
  return undefined;
}

function toSearchHit(article: Article, terms: readonly string[]): SearchHit {
  const body = article.blocks.map((block) => (block.kind === "table" ? block.rows.map((row) => row.join(" ")).join("\n") : block.text)).join("\n");
  return {
    article,
    title: highlightText(article.title, terms),
    snippets: buildSnippets(body, terms, { targetLength: 100, maxSnippets: 3 }),
  };
}

function toFacetCounts(distribution: Partial<Record<string, Record<string, number>>>): FacetCounts {
  const counts = {} as FacetCounts;
  for (const field of FACET_FIELDS) {
    counts[field] = Object.entries(distribution[field] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return counts;
}

/** One article by id, or null. */
export async function getArticle(id: string, context: SearchContext = getSearchContext()): Promise<Article | null> {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const { client, indexUid } = context;
  try {
    const stored = await client.request<StoredArticle>(
      "GET",
      `/indexes/${indexUid}/documents/${encodeURIComponent(id)}?fields=${DISPLAYED_FIELDS.join(",")}`,
    );
    return fromStoredDocument(stored);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

export type ArchiveOverview = { articles: number; firstDate: string | null; lastDate: string | null; sources: string[] };

/** Figures for the home page: how much the archive holds. */
export async function getArchiveOverview(context: SearchContext = getSearchContext()): Promise<ArchiveOverview> {
  const { client, indexUid } = context;
  const base = { q: "", limit: 1, attributesToRetrieve: ["date"], filter: "dateDay IS NOT NULL" };
  const [first, last, facets] = await Promise.all([
    client.request<{ hits: Array<{ date: string }> }>("POST", `/indexes/${indexUid}/search`, { ...base, sort: ["dateDay:asc"] }),
    client.request<{ hits: Array<{ date: string }> }>("POST", `/indexes/${indexUid}/search`, { ...base, sort: ["dateDay:desc"] }),
    client.request<{ estimatedTotalHits?: number; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> }>(
      "POST",
      `/indexes/${indexUid}/search`,
      { q: "", limit: 0, facets: ["source"] },
    ),
  ]);
  return {
    articles: facets.totalHits ?? facets.estimatedTotalHits ?? 0,
    firstDate: first.hits[0]?.date ?? null,
    lastDate: last.hits[0]?.date ?? null,
    sources: Object.keys(facets.facetDistribution?.source ?? {}),
  };
}

import type { Article, ArticleSummary } from "@/lib/article/types";
import { readEnv } from "@/lib/config/env";
import type { Meilisearch } from "meilisearch";
import { getEngineClient } from "./connection";
import { fromStoredDocument, fromStoredSummary, DISPLAYED_FIELDS, HIT_FIELDS, type StoredArticle, type StoredHit } from "./documents";
import { buildFilter } from "./filter";
import { buildSnippets, highlightText, type HighlightSegment, type Snippet } from "./highlight";
import { assertSchemaCurrent, isNotFound } from "./index-admin";
import { readIndexVersion, type QueryTarget } from "./engine-search";
import { executeQuery } from "./execute-query";
import { createMemo } from "./memo";
import { compileQuery, type CompiledQuery } from "./query/compile-query";
import { parseQuery } from "./query/parse-query";
import type { SearchRequest } from "./search-request";

/**
 * Search over the articles index. The reader's query is parsed, compiled and
 * run exactly by execute-query.ts; hits come back as `Article` with highlights
 * computed on the original text.
 */

/** `page` is the newspaper page (版次, numbers as strings: "4"); articles without one (page null) are not counted. */
export const FACET_FIELDS = ["year", "yearMonth", "authors", "roles", "topics", "column", "source", "page"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
export type FacetCounts = Record<FacetField, Array<{ value: string; count: number }>>;

export type SearchHit = {
  article: ArticleSummary;
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

/** Which engine and index to search; pages use the configured one, tests pass their own. */
export type SearchContext = QueryTarget;

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

/**
 * Answers by index version and request. The version is read fresh (one small engine call, which
 * verification needs anyway), so a cached answer is never older than the index: paging back,
 * undoing a filter or a popular query costs no search and no highlighting the second time.
 */
const answers = createMemo<SearchResult>({ maxEntries: 500, ttlMs: 10 * 60_000 });

export async function searchArticles(request: SearchRequest, context: SearchContext = getSearchContext()): Promise<SearchResult> {
  const started = performance.now();
  const { compiled, filter } = await prepareRequest(request, context);
  const version = await readIndexVersion(context);
  const answer = await answers.get(`${version}|${JSON.stringify(request)}`, () => runSearch(request, context, compiled, filter, version));
  // The time this request took, which a remembered answer makes short.
  return { ...answer, processingTimeMs: Math.round(performance.now() - started) };
}

async function runSearch(request: SearchRequest, context: SearchContext, compiled: CompiledQuery | null, filter: string | null, version: string): Promise<SearchResult> {
  const result = await executeQuery<StoredHit>(context, {
    compiled,
    filter,
    indexVersion: version,
    sort: request.sort,
    page: request.page,
    hitsPerPage: request.size,
    facets: FACET_FIELDS,
    attributesToRetrieve: HIT_FIELDS,
  });
  const terms = [...(compiled?.highlightTerms ?? [])];
  return {
    request,
    total: result.totalHits,
    page: result.page,
    totalPages: result.totalPages,
    processingTimeMs: result.processingTimeMs,
    hits: result.hits.map((stored) => toSearchHit(fromStoredSummary(stored), stored.body ?? "", terms)),
    facets: toFacetCounts(result.facetDistribution),
    terms,
  };
}

/**
 * The request's compiled query and filter, once the index schema is known to
 * be current. Bad input throws SearchInputError before any engine call.
 */
export async function prepareRequest(
  request: SearchRequest,
  context: SearchContext,
): Promise<{ compiled: CompiledQuery | null; filter: string | null }> {
  const compiled = compileRequestQuery(request.q);
  const filter = buildRequestFilter(request);
  await checkSchemaOnce(context);
  return { compiled, filter };
}

/** The reader's query compiled, null without text; bad syntax throws SearchInputError. */
export function compileRequestQuery(q: string): CompiledQuery | null {
  if (!q.trim()) return null;
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new SearchInputError(parsed.error.message);
  if (parsed.query.clauses.length === 0) return null;
  const compiled = compileQuery(parsed.query);
  if (!compiled.ok) throw new SearchInputError(compiled.error.message);
  return compiled.compiled;
}

/** The engine filter for a request's facet selections and dates; bad input throws SearchInputError. */
export function buildRequestFilter(request: SearchRequest): string | null {
  const pairs = request.author.length > 0 && request.role.length > 0;
  const built = buildFilter({
    dateFrom: request.from,
    dateTo: request.to,
    authors: pairs ? [] : request.author,
    roles: pairs ? request.author.flatMap((name) => request.role.map((role) => `${role}:${name}`)) : [],
    topics: request.topic,
    columns: request.column,
    sources: request.source,
    pages: request.edition,
    roleNames: pairs ? [] : request.role,
  });
  if (!built.ok) throw new SearchInputError(built.error.message);
  return built.filter;
}

/** `body`: the stored plain text (documents.ts), table cells tab-separated; snippets show them space-separated. */
function toSearchHit(article: ArticleSummary, storedBody: string, terms: readonly string[]): SearchHit {
  const body = storedBody.replaceAll("\t", " ");
  return {
    article,
    title: highlightText(article.title, terms),
    snippets: buildSnippets(body, terms, { targetLength: 100, maxSnippets: 3 }),
  };
}

export function toFacetCounts(distribution: Partial<Record<string, Record<string, number>>>): FacetCounts {
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
    const stored = await client.call((meili) => meili.index(indexUid).getDocument<StoredArticle>(id, { fields: [...DISPLAYED_FIELDS] }));
    return fromStoredDocument(stored);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export type ArchiveOverview = { articles: number; firstDate: string | null; lastDate: string | null; sources: string[] };

/** Figures for the home page: how much the archive holds. */
export async function getArchiveOverview(context: SearchContext = getSearchContext()): Promise<ArchiveOverview> {
  const { client, indexUid } = context;
  const base = { q: "", limit: 1, attributesToRetrieve: ["date"], filter: "dateDay IS NOT NULL" };
  const index = (meili: Meilisearch) => meili.index<{ date: string }>(indexUid);
  const [first, last, facets] = await client.call((meili) =>
    Promise.all([
      index(meili).search("", { ...base, sort: ["dateDay:asc"] }),
      index(meili).search("", { ...base, sort: ["dateDay:desc"] }),
      index(meili).search("", { limit: 0, facets: ["source"] }),
    ]),
  );
  return {
    articles: facets.estimatedTotalHits ?? 0,
    firstDate: first.hits[0]?.date ?? null,
    lastDate: last.hits[0]?.date ?? null,
    sources: Object.keys(facets.facetDistribution?.source ?? {}),
  };
}

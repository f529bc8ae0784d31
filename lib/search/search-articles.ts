import { isArticleId, type Article, type ArticleSummary } from "@/lib/article/types";
import { readEnv } from "@/lib/config/env";
import { searchArchive } from "./archive-search";
import { getEngineClient, getShards } from "./connection";
import { joinNetwork } from "./network";
import { forEachAvailableShard, waitAtMost } from "./shard-calls";
import { isShardDown } from "./shard-health";
import { describeHolding, type Shard } from "./shards";
import { readStoredDocument } from "./stored-document";
import { fromStoredDocument, fromStoredSummary, DISPLAYED_FIELDS, HIT_FIELDS, type StoredArticle, type StoredHit } from "./documents";
import { buildFilter } from "./filter";
import { buildSnippets, highlightText, type HighlightSegment, type Snippet } from "./highlight";
import { assertSchemaCurrent } from "./index-admin";
import { readIndexVersion, type QueryTarget } from "./engine-search";
import { executeQuery, type SettleMode } from "./execute-query";
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
  /** Parts of a sharded archive whose engine did not answer: the total and facets leave them out. */
  missing: MissingPart[];
  /** Normalised positive terms, for highlighting on the article page. */
  terms: string[];
  /**
   * False while a long term of the query is still being verified (`settle: "later"`): the hits are
   * right, the total and facet counts may still include articles without the term (an upper bound).
   */
  exact: boolean;
};

/** Bad query or filter input: shown to the reader, answered with 400 by the API. */
export class SearchInputError extends Error {
  override name = "SearchInputError";
}

/** Which engine and index to search; pages use the configured one, tests pass their own. */
export type SearchContext = QueryTarget;

export function getSearchContext(): SearchContext {
  const shards = getShards();
  return { client: getEngineClient(), indexUid: readEnv().BAOKU_INDEX, ...(shards ? { shards } : {}) };
}

const checkedSchemas = new Set<string>();

async function checkSchemaOnce(context: SearchContext): Promise<void> {
  if (!context.shards) {
    const key = `${context.client.connection.url}/${context.indexUid}`;
    if (checkedSchemas.has(key)) return;
    await assertSchemaCurrent(context.client, context.indexUid);
    checkedSchemas.add(key);
    return;
  }
  // Each engine of a sharded archive is checked once it answers; one that is down (shard-health.ts)
  // is checked by a later search, and meanwhile costs each search at most SHARD_CHECK_TIMEOUT_MS.
  const keyOf = (shard: Shard) => `${shard.client.connection.url}/${context.indexUid}`;
  const pending = context.shards.filter((shard) => !checkedSchemas.has(keyOf(shard)) && !isShardDown(shard));
  if (pending.length === 0) return;
  networkJoined ??= waitAtMost(joinNetwork(context.shards), SHARD_CHECK_TIMEOUT_MS);
  await networkJoined;
  // Engines that do not answer are marked down there and checked by a later search.
  await forEachAvailableShard(
    { ...context, shards: pending },
    async (client) => {
      await assertSchemaCurrent(client, context.indexUid);
      checkedSchemas.add(`${client.connection.url}/${context.indexUid}`);
    },
    { timeoutMs: SHARD_CHECK_TIMEOUT_MS },
  );
}

const SHARD_CHECK_TIMEOUT_MS = 2000;
/** The engines learn of each other once per process (ingest and `npm start` do it too); searches wait for it only once. */
let networkJoined: Promise<void> | undefined;

/**
 * Answers by index version and request. The version is read fresh (one small engine call, which
 * verification needs anyway), so a cached answer is never older than the index: paging back,
 * undoing a filter or a popular query costs no search and no highlighting the second time.
 */
const answers = createMemo<SearchResult>({ maxEntries: 500, ttlMs: 10 * 60_000, keep: (answer) => answer.missing.length === 0 && answer.exact });

/** The version of the index searches read now, read fresh as searchArticles reads it: for caches of what a search shows. */
export function readSearchedVersion(context: SearchContext = getSearchContext()): Promise<string> {
  return readIndexVersion(context);
}

/** For benchmarks and tests: this process forgets the answers it remembers (verdicts are kept). */
export function forgetRememberedAnswers(): void {
  answers.clear();
}

/**
 * `facets: false`: hits only, every facet list empty (a feed shows no facets, and counting them doubles the engine's work).
 * `settle`: see ExecuteQueryOptions (execute-query.ts); readers' pages, the API and feeds ask for `later`.
 * `version`: the index version the caller read fresh for this request (readSearchedVersion), so that
 * every part of one page is filed under the version the page is (page-cache.ts); read here otherwise.
 */
export type SearchOptions = { facets?: boolean; settle?: SettleMode; version?: string };

export async function searchArticles(request: SearchRequest, context: SearchContext = getSearchContext(), { facets = true, settle = "now", version: known }: SearchOptions = {}): Promise<SearchResult> {
  const started = performance.now();
  const { compiled, filter } = await prepareRequest(request, context);
  const version = known ?? (await readIndexVersion(context));
  const answer = await answers.get(toAnswerKey(JSON.stringify(request), version, settle, facets), () => runSearch(request, context, compiled, filter, version, facets, settle));
  // The time this request took, which a remembered answer makes short.
  return { ...answer, processingTimeMs: Math.round(performance.now() - started) };
}

/** Keyed by mode too: a caller asking for `now` must not share a `later` search still in flight. An estimate is never kept. */
function toAnswerKey(requestJson: string, version: string, settle: SettleMode, facets: boolean): string {
  return `${version}|${settle}|${facets ? "" : "nofacets|"}${requestJson}`;
}

/**
 * The answer a search with every facet group gave this request under this index version, if one is
 * remembered (or on its way), in either settle mode; nothing is asked of the engine. A filter
 * group's counts as if unselected are often just that: the reader's search before the click.
 */
export function findRememberedAnswer(request: SearchRequest, version: string): Promise<SearchResult> | undefined {
  const requestJson = JSON.stringify(request);
  return answers.peek(toAnswerKey(requestJson, version, "later", true)) ?? answers.peek(toAnswerKey(requestJson, version, "now", true));
}

async function runSearch(request: SearchRequest, context: SearchContext, compiled: CompiledQuery | null, filter: string | null, version: string, facets: boolean, settle: SettleMode): Promise<SearchResult> {
  const result = await executeQuery<StoredHit>(context, {
    compiled,
    filter,
    indexVersion: version,
    sort: request.sort,
    page: request.page,
    hitsPerPage: request.size,
    facets: facets ? FACET_FIELDS : [],
    attributesToRetrieve: HIT_FIELDS,
    settle,
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
    missing: describeMissing(context, result.missing),
    terms,
    exact: result.exact,
  };
}

export type MissingPart = { engine: string; holds: string };

export function describeMissing(context: SearchContext, names: readonly string[]): MissingPart[] {
  return names.map((engine) => ({ engine, holds: describeHolding(context.shards?.find((shard) => shard.name === engine)?.holds ?? null) }));
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

/** The order `localeCompare` gives, from one collator: a collator per comparison cost a tenth of a warm search's own CPU time. */
const compareValues = new Intl.Collator().compare;

/** The engine's facet distribution as counts, most frequent first, for `fields` (all groups by default). */
export function toFacetCounts<F extends FacetField = FacetField>(distribution: Partial<Record<string, Record<string, number>>>, fields: readonly F[] = FACET_FIELDS as readonly FacetField[] as readonly F[]): Pick<FacetCounts, F> {
  const counts = {} as Pick<FacetCounts, F>;
  for (const field of fields) {
    counts[field] = Object.entries(distribution[field] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || compareValues(a.value, b.value));
  }
  return counts;
}

/** One article by id, or null. */
export async function getArticle(id: string, context: SearchContext = getSearchContext()): Promise<Article | null> {
  if (!isArticleId(id)) return null;
  const stored = await readStoredDocument<StoredArticle>(id, DISPLAYED_FIELDS, context);
  return stored ? fromStoredDocument(stored) : null;
}

/** Whether an article exists, reading only its id: the proxy's 404 check, before the page loads it whole. */
export async function hasArticle(id: string, context: SearchContext = getSearchContext()): Promise<boolean> {
  if (!isArticleId(id)) return false;
  return (await readStoredDocument<{ id: string }>(id, ["id"], context)) !== null;
}

export type ArchiveOverview = { articles: number; firstDate: string | null; lastDate: string | null; sources: string[] };

/** Figures for the home page: how much the archive holds. */
export async function getArchiveOverview(context: SearchContext = getSearchContext()): Promise<ArchiveOverview> {
  const base = { q: "", limit: 1, attributesToRetrieve: ["date"], filter: "dateDay IS NOT NULL" };
  const [first, last, facets] = await Promise.all([
    searchArchive<{ date: string }>(context, { ...base, sort: ["dateDay:asc"] }),
    searchArchive<{ date: string }>(context, { ...base, sort: ["dateDay:desc"] }),
    searchArchive(context, { q: "", limit: 0, facets: ["source"] }),
  ]);
  return {
    articles: facets.total,
    firstDate: first.hits[0]?.date ?? null,
    lastDate: last.hits[0]?.date ?? null,
    sources: Object.keys(facets.facetDistribution?.source ?? {}),
  };
}

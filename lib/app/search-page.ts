import { EngineUnavailableError } from "@/lib/search/engine/errors";
import type { NameMatch, ValueCount } from "@/lib/search/facet-values";
import { countArticles } from "@/lib/search/count-articles";
import { searchArticles, SearchInputError, type SearchResult } from "@/lib/search/search-articles";
import { parseSearchRequest, type ParsedRequest, type SearchRequest } from "@/lib/search/search-request";
import { findAuthors, MAX_AUTHOR_QUERY_LENGTH } from "./author-search";
import { buildMonthHistogram, buildYearHistogram, pickDrillYear, type DateHistogram } from "./date-histogram";
import { readExpandedGroups } from "./facet-list";
import { suggestQueries, type QuerySuggestion } from "./query-suggestions";
import { FILTER_GROUPS, type FilterKey } from "./search-filters";
import { toFeedHref, toFeedTitle } from "@/lib/feed/search-feed";

export type SearchParams = Record<string, string | string[] | undefined>;

export type SearchPageData = {
  request: SearchRequest;
  result: SearchResult;
  histogram: DateHistogram;
  /** Per filter group, counts as if that group had no selection, so choosing another value (OR) shows what it adds. */
  facetCounts: Record<FilterKey, ValueCount[]>;
  /** The fragment typed in the author search box (no-JS submissions) and the authors it finds. */
  authorQuery: string;
  authorMatches: NameMatch[] | null;
  /** Filter groups the reader opened in full (`more=column`, facet-list.ts). */
  expanded: FilterKey[];
  /** When nothing is found: nearby queries that find something, with counts (query-suggestions.ts). */
  suggestions: QuerySuggestion[];
  /**
   * False while a long term of the query is verified after the page was answered (settle-later.ts):
   * the hits are right, the total, facet and date counts are upper bounds until the next search.
   */
  countsExact: boolean;
};

export type SearchPageOutcome =
  | { kind: "invalid"; message: string; request: SearchRequest | null }
  | { kind: "unavailable"; request: SearchRequest }
  | ({ kind: "ok" } & SearchPageData);

/**
 * Everything the results page needs, with bad input and a down engine as states. `version`: the
 * index version read fresh for this page (readSearchedVersion), which every search of the page is
 * then filed under: a page kept by that version (page-cache.ts) holds no count of an older index.
 */
export async function runSearchPage(params: SearchParams, { version }: { version?: string } = {}): Promise<SearchPageOutcome> {
  const parsed = readSearchRequest(params);
  if (!parsed.ok) return { kind: "invalid", message: parsed.message, request: null };
  const request = parsed.request;
  try {
    return { kind: "ok", ...(await loadSearchPage(request, readAuthorQuery(params), version)), expanded: readExpandedGroups(params) };
  } catch (error) {
    if (error instanceof SearchInputError) return { kind: "invalid", message: error.message, request };
    if (error instanceof EngineUnavailableError) return { kind: "unavailable", request };
    throw error;
  }
}

/** The results page's title (before the site's suffix) and, for a valid request, its saved-search feed. */
export function describeSearchPage(params: SearchParams, request: SearchRequest | null = readParsedRequest(params)): { title: string; feed: { url: string; title: string } | null } {
  const q = params.q;
  const title = typeof q === "string" && q.trim() ? `${q.trim()} - 检索` : "检索";
  return { title, feed: request ? { url: toFeedHref(request), title: toFeedTitle(request) } : null };
}

function readParsedRequest(params: SearchParams): SearchRequest | null {
  const parsed = readSearchRequest(params);
  return parsed.ok ? parsed.request : null;
}

/**
 * The URL's search request. Empty fields count as absent: a filter form
 * submitted without JavaScript sends `from=` when the date box is empty.
 */
export function readSearchRequest(params: SearchParams | URLSearchParams): ParsedRequest {
  const cleaned = new URLSearchParams();
  for (const [key, value] of toEntries(params)) if (value.trim() !== "") cleaned.append(key, value);
  return parseSearchRequest(cleaned);
}

/** URLSearchParams as a page's search params (repeated keys as arrays). */
export function toSearchParams(query: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  return params;
}

/** A page's search params (or a URLSearchParams) as key/value pairs, repeated keys kept. */
export function toEntries(params: SearchParams | URLSearchParams): Array<[string, string]> {
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).flatMap(([key, value]) => [value ?? []].flat().map((item): [string, string] => [key, item]));
}

export function readAuthorQuery(params: SearchParams | URLSearchParams): string {
  const raw = params instanceof URLSearchParams ? params.get("authorq") : params.authorq;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (value ?? "").trim().slice(0, MAX_AUTHOR_QUERY_LENGTH);
}

async function loadSearchPage(request: SearchRequest, authorQuery: string, version: string | undefined): Promise<Omit<SearchPageData, "expanded">> {
  // A reader's first search with a common long term is answered without waiting for its verification.
  const options = { settle: "later", version } as const;
  const main = searchArticles(request, undefined, options);
  const [result, facets, dates] = await Promise.all([main, countFacetsDisjunctively(request, main, options), loadHistogram(request, main, options)]);
  const facetCounts = facets.counts;
  const authorMatches = authorQuery ? await findAuthors(request, authorQuery, facetCounts.author, { version }) : null;
  const suggestions = result.total === 0 ? await suggestQueries(request, { version }) : [];
  const countsExact = result.exact && facets.exact && dates.exact;
  return { request, result, histogram: dates.histogram, facetCounts, authorQuery, authorMatches, suggestions, countsExact };
}

/**
 * Values of one group are ORed, groups are ANDed. A group's counts therefore
 * come from the search without that group's own selection (counted without
 * hits, and cached per index version: count-articles.ts); a group with no
 * selection reads them from the search itself.
 */
type CountOptions = { settle: "later"; version: string | undefined };

async function countFacetsDisjunctively(request: SearchRequest, main: Promise<SearchResult>, options: CountOptions): Promise<{ counts: Record<FilterKey, ValueCount[]>; exact: boolean }> {
  const entries = await Promise.all(
    FILTER_GROUPS.map(async (group) => {
      const source = request[group.key].length > 0 ? countArticles({ ...request, [group.key]: [] }, [group.facet], undefined, options) : main;
      const counted = await source;
      return { key: group.key, values: counted.facets[group.facet], exact: counted.exact };
    }),
  );
  return {
    counts: Object.fromEntries(entries.map((entry) => [entry.key, entry.values])) as Record<FilterKey, ValueCount[]>,
    exact: entries.every((entry) => entry.exact),
  };
}

/**
 * Counts by year over the search without its date range; by month when the range lies in one year.
 * A dated search asks for years and months in one count: the months of the year it drills into
 * are the same there as in a count limited to that year, which used to be a second engine search.
 */
async function loadHistogram(request: SearchRequest, main: Promise<SearchResult>, options: CountOptions): Promise<{ histogram: DateHistogram; exact: boolean }> {
  const dated = Boolean(request.from || request.to);
  const { facets, exact } = await (dated ? countArticles({ ...request, from: undefined, to: undefined }, ["year", "yearMonth"], undefined, options) : main);
  const drillYear = pickDrillYear(request, facets.year);
  const histogram = drillYear === null ? buildYearHistogram(request, facets.year) : buildMonthHistogram(request, drillYear, facets.yearMonth);
  return { histogram, exact };
}

import type { Author } from "@/lib/article/types";
import { listActiveFilters, toSearchHref } from "@/lib/app/search-filters";
import { toPermalink } from "@/lib/export/export-row";
import { wrapSnippet } from "@/lib/search/highlight";
import { getSearchContext, searchArticles, type SearchContext, type SearchHit } from "@/lib/search/search-articles";
import { toSearchQueryString, type SearchRequest } from "@/lib/search/search-request";
import { renderAtomFeed, type AtomEntry } from "./atom-feed";

/**
 * A saved search as an Atom feed: `/search/feed?<the results page's
 * parameters>` lists the newest matches of the same query and filters, so a
 * feed reader shows what the archive adds. Order, page and page size are the
 * feed's own (newest first, the first FEED_SIZE), whatever the URL says.
 */

export const FEED_SIZE = 50;
export const FEED_PATH = "/search/feed";
/** Newspaper dates are Beijing calendar days; an article dated 2020-01-05 appeared that day at +08:00. */
const PAPER_TIME_ZONE = "+08:00";
/** Atom requires a date on every entry; an undated article (some OCR pages) gets the epoch rather than a made-up day. */
const UNKNOWN_DATE = "1970-01-01T00:00:00Z";

/** The request the feed runs: the reader's query and filters, newest first, one page. */
export function toFeedRequest(request: SearchRequest): SearchRequest {
  return { ...request, sort: "newest", page: 1, size: FEED_SIZE };
}

/** What selects articles, without order or paging: every page of a search has one feed and one feed id. */
function toSelection(request: SearchRequest): Partial<SearchRequest> {
  return { ...request, sort: "relevance", page: 1, size: undefined };
}

/** The feed of a results page: only what selects articles travels, so every page of a search offers one feed URL. */
export function toFeedHref(request: SearchRequest): string {
  const query = toSearchQueryString(toSelection(request));
  return query ? `${FEED_PATH}?${query}` : FEED_PATH;
}

/** “小微” · 作者：李静 · 日期：2020-01-01 起 — what the saved search selects, for the feed's title. */
export function describeSearch(request: SearchRequest): string {
  const query = request.q.trim() ? `“${request.q.trim()}”` : "全部文章";
  return [query, ...listActiveFilters(request).map((filter) => `${filter.label}：${filter.value}`)].join(" · ");
}

export function toFeedTitle(request: SearchRequest): string {
  return `报库：${describeSearch(request)}`;
}

export async function renderSearchFeed(request: SearchRequest, origin: string, context: SearchContext = getSearchContext()): Promise<string> {
  const base = origin.replace(/\/$/, "");
  const result = await searchArticles(toFeedRequest(request), context, { facets: false, settle: "later" });
  const entries = result.hits.map((hit) => toAtomEntry(hit, base));
  const pageHref = toSearchHref({ ...request, sort: "newest", page: 1, size: undefined });
  return renderAtomFeed({
    // The results page of the saved search names it for good: same query and filters, same feed.
    id: `${base}${toSearchHref(toSelection(request))}`,
    title: toFeedTitle(request),
    subtitle: `报库检索的最新 ${FEED_SIZE} 篇，按日期从新到旧。`,
    updated: entries[0]?.updated ?? UNKNOWN_DATE,
    selfLink: `${base}${toFeedHref(request)}`,
    alternateLink: `${base}${pageHref}`,
    author: "报库",
    entries,
  });
}

export function toAtomEntry(hit: SearchHit, base: string): AtomEntry {
  const { article } = hit;
  const permalink = toPermalink(base, article.id);
  return {
    id: permalink,
    title: article.title,
    updated: article.date ? `${article.date}T00:00:00${PAPER_TIME_ZONE}` : UNKNOWN_DATE,
    link: permalink,
    authors: article.authors.map(formatAuthor),
    summary: hit.snippets
      .map((snippet) => wrapSnippet(snippet, (segments) => segments.map((segment) => segment.text).join("")))
      .join(" "),
  };
}

/** 记者 李静 — role first, as the results page's byline shows it. */
function formatAuthor(author: Author): string {
  return author.role ? `${author.role} ${author.name}` : author.name;
}

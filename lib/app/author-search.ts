import { INDEX_SETTINGS } from "@/lib/search/index-schema";
import { compareByCount, rankNameMatches, searchAuthorNames, type NameMatch, type ValueCount } from "@/lib/search/facet-values";
import { searchArticles } from "@/lib/search/search-articles";
import { queryAuthorDirectory } from "@/lib/authors/directory";
import { loadAuthorDirectory } from "@/lib/search/author-directory";
import type { SearchRequest } from "@/lib/search/search-request";

/**
 * Finding authors by name within the reader's current search. The author
 * counts of the search (without its own author filter) are the candidates;
 * when the engine truncated that list, Meilisearch facet search over the
 * whole archive adds names, and one more search counts them within the results.
 */

const FACET_VALUE_LIMIT = INDEX_SETTINGS.faceting.maxValuesPerFacet;
const MAX_MATCHES = 30;
/** Facet-search candidates recounted at once: each becomes one OR term of a filter. */
const MAX_RECOUNTED = 20;

export const MAX_AUTHOR_QUERY_LENGTH = 20;

/**
 * `version`: the index version the caller's page was read under (runSearchPage), so that every count
 * here is filed under it as the page's own are; the cached one (at most a second old) otherwise.
 */
export async function findAuthors(request: SearchRequest, fragment: string, authorCounts?: readonly ValueCount[], { version }: { version?: string } = {}): Promise<NameMatch[]> {
  const needle = fragment.trim().slice(0, MAX_AUTHOR_QUERY_LENGTH);
  if (!needle) return [];
  const counts = authorCounts ?? (await countAuthors({ ...request, author: [] }, version));
  const matches = rankNameMatches(needle, counts);
  if (counts.length < FACET_VALUE_LIMIT) return matches.slice(0, MAX_MATCHES);
  const known = new Set(counts.map((count) => count.value));
  // Meilisearch's facet search knows no pinyin; the author directory does.
  const candidates = /\p{Script=Han}/u.test(needle) ? await searchAuthorNames(needle) : await findDirectoryNames(needle, version);
  const extra = rankNameMatches(needle, candidates)
    .filter((match) => !known.has(match.value))
    .slice(0, MAX_RECOUNTED);
  if (extra.length === 0) return matches.slice(0, MAX_MATCHES);
  const recounted = await countAuthors({ ...request, author: extra.map((match) => match.value) }, version);
  const found = rankNameMatches(needle, recounted.filter((count) => extra.some((match) => match.value === count.value)));
  return rankNameMatches(needle, [...matches, ...found].sort(compareByCount)).slice(0, MAX_MATCHES);
}

async function findDirectoryNames(needle: string, version: string | undefined): Promise<ValueCount[]> {
  const { total: _total, items } = queryAuthorDirectory(await loadAuthorDirectory(undefined, { version }), { q: needle, sort: "count", role: null, paper: null, page: 1, size: MAX_RECOUNTED });
  return items.map((entry) => ({ value: entry.name, count: entry.count }));
}

async function countAuthors(request: SearchRequest, version: string | undefined): Promise<ValueCount[]> {
  const result = await searchArticles({ ...request, page: 1, size: 1 }, undefined, { version });
  return result.facets.authors;
}

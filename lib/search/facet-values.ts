import { matchesAuthorQuery } from "@/lib/authors/pinyin";
import { normalizeText } from "@/lib/text/normalize";
import { searchArchive } from "./archive-search";
import { getSearchContext, type SearchContext } from "./search-articles";
import { forEachAvailableShard } from "./shard-calls";

/**
 * Facet values outside a reader's search: counts over the whole archive (or a
 * filter of it), and finding author names by a typed fragment.
 */

export type ValueCount = { value: string; count: number };

/** Value counts of the given facets over the documents matching `filter` (all documents without one). */
export async function countFacetValues(
  facets: readonly string[],
  filter: string | null = null,
  context: SearchContext = getSearchContext(),
): Promise<{ total: number; counts: Record<string, ValueCount[]> }> {
  const response = await searchArchive(context, { q: "", limit: 0, facets: [...facets], ...(filter ? { filter } : {}) });
  const counts: Record<string, ValueCount[]> = {};
  for (const facet of facets) {
    counts[facet] = Object.entries(response.facetDistribution?.[facet] ?? {}).map(([value, count]) => ({ value, count }));
  }
  return { total: response.total, counts };
}

/** The most frequent values of a facet across the archive, most frequent first. */
export async function getTopFacetValues(facet: string, limit: number, context?: SearchContext): Promise<ValueCount[]> {
  const { counts } = await countFacetValues([facet], null, context);
  return (counts[facet] ?? []).sort(compareByCount).slice(0, limit);
}

/**
 * Candidate author names for a fragment, from Meilisearch facet search over
 * the whole archive. Its matching is loose (it may match inside names), so
 * callers rank the candidates with `rankNameMatches`.
 */
export async function searchAuthorNames(fragment: string, context: SearchContext = getSearchContext()): Promise<ValueCount[]> {
  // Facet search is per engine: on a sharded archive each engine that answers is asked and the counts added
  // (suggestions, so an engine that is down leaves its names out rather than failing the box).
  const { answers } = await forEachAvailableShard(context, (client) =>
    client.call((meili) => meili.index(context.indexUid).searchForFacetValues({ facetName: "authors", facetQuery: fragment, q: "" })),
  );
  const counts = new Map<string, number>();
  for (const answer of answers) for (const hit of answer.facetHits) counts.set(hit.value, (counts.get(hit.value) ?? 0) + hit.count);
  return [...counts].map(([value, count]) => ({ value, count }));
}

export type NameMatch = ValueCount & { kind: "exact" | "prefix" | "contains" | "pinyin" };

const MATCH_RANK: Record<NameMatch["kind"], number> = { exact: 0, prefix: 1, contains: 2, pinyin: 3 };

/**
 * Names containing the fragment (compared after the index's normalisation, so
 * 張 finds 张), exact matches first, then names starting with it, then names
 * containing it, then names whose pinyin matches Latin input; within each
 * kind, the most frequent first. Other names are dropped.
 */
export function rankNameMatches(fragment: string, candidates: readonly ValueCount[]): NameMatch[] {
  const needle = normalizeName(fragment);
  if (!needle) return [];
  const seen = new Set<string>();
  const matches: NameMatch[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.value)) continue;
    seen.add(candidate.value);
    const name = normalizeName(candidate.value);
    const at = name.indexOf(needle);
    // Latin input also finds names by pinyin: lijing, li jing, lj → 李静.
    if (at === -1 && !matchesAuthorQuery(candidate.value, fragment)) continue;
    const kind = at === -1 ? "pinyin" : name === needle ? "exact" : at === 0 ? "prefix" : "contains";
    matches.push({ ...candidate, kind });
  }
  return matches.sort((a, b) => MATCH_RANK[a.kind] - MATCH_RANK[b.kind] || compareByCount(a, b));
}

export function compareByCount(a: ValueCount, b: ValueCount): number {
  return b.count - a.count || a.value.localeCompare(b.value, "zh-CN");
}

function normalizeName(name: string): string {
  return normalizeText(name).replace(/[\s·・.]/gu, "");
}

import type { ValueCount } from "@/lib/search/facet-values";
import type { SearchRequest } from "@/lib/search/search-request";
import { FILTER_GROUPS, selectedValues, toSearchHref, type FilterKey } from "./search-filters";

/**
 * How much of each facet group the results page sends. A broad search over
 * rmrb has about 800 authors and 290 columns; listing them all made the page
 * 850 kB (HTML plus the same data again for React), which bounded throughput
 * under load. Groups list their most frequent values and every selected one;
 * "显示全部" opens one group in full through the URL (`more=column`), and
 * authors beyond the list are found with the author box.
 */
export const FACET_LIST_LIMIT = 30;
export const AUTHOR_LIST_LIMIT = 20;
const EXPAND_PARAM = "more";

/** The first `limit` values (most frequent first, as counted) plus any selected value further down. */
export function limitFacetValues(values: readonly ValueCount[], selected: readonly string[], limit: number): ValueCount[] {
  return values.filter((entry, index) => index < limit || selected.includes(entry.value));
}

/**
 * Each group's values as the panel lists them (the top of the group and every selected value, or
 * all of it when opened in full; authors never open in full) and how many values the group has.
 * Only these go into the page: the panel's island is hydrated from the same lists, and a broad
 * search's full lists (about 1,000 authors and 500 columns on rmrb) were a third of its HTML.
 */
export function listShownFacetValues(
  facetCounts: Readonly<Record<FilterKey, readonly ValueCount[]>>,
  request: SearchRequest,
  expanded: readonly FilterKey[],
): { listed: Record<FilterKey, ValueCount[]>; totals: Record<FilterKey, number> } {
  const listed = {} as Record<FilterKey, ValueCount[]>;
  const totals = {} as Record<FilterKey, number>;
  for (const { key } of FILTER_GROUPS) {
    const all = facetCounts[key];
    const opened = key !== "author" && expanded.includes(key);
    listed[key] = opened ? [...all] : limitFacetValues(all, selectedValues(request, key), key === "author" ? AUTHOR_LIST_LIMIT : FACET_LIST_LIMIT);
    totals[key] = all.length;
  }
  return { listed, totals };
}

/** The groups the reader opened in full. */
export function readExpandedGroups(params: Record<string, string | string[] | undefined> | URLSearchParams): FilterKey[] {
  const raw = params instanceof URLSearchParams ? params.getAll(EXPAND_PARAM) : [params[EXPAND_PARAM] ?? []].flat();
  return FILTER_GROUPS.map((group) => group.key).filter((key) => raw.includes(key));
}

/** The same page with one group opened in full. */
export function toExpandedHref(request: SearchRequest, key: FilterKey): string {
  const href = toSearchHref(request);
  return `${href}${href.includes("?") ? "&" : "?"}${EXPAND_PARAM}=${encodeURIComponent(key)}`;
}

import type { ValueCount } from "@/lib/search/facet-values";
import type { SearchRequest } from "@/lib/search/search-request";
import { FILTER_GROUPS, toSearchHref, type FilterKey } from "./search-filters";

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

import type { FacetField } from "@/lib/search/search-articles";
import type { SearchRequest } from "@/lib/search/search-request";
import { toSearchQueryString } from "@/lib/search/search-query-string";

/**
 * The reader's filters as URL state: links that add or remove one value, the
 * active filters as removable chips. Every link resets to page 1, since the
 * result set changes.
 */

export const FILTER_GROUPS = [
  { key: "author", label: "作者", facet: "authors" },
  { key: "role", label: "署名角色", facet: "roles" },
  { key: "topic", label: "主题", facet: "topics" },
  { key: "column", label: "栏目", facet: "column" },
  { key: "source", label: "报纸", facet: "source" },
  { key: "edition", label: "版次", facet: "page" },
] as const satisfies ReadonlyArray<{ key: keyof SearchRequest; label: string; facet: FacetField }>;

export type FilterGroup = (typeof FILTER_GROUPS)[number];
export type FilterKey = FilterGroup["key"];

/** A group's selected values as the strings used in the URL, the form and the facet counts (editions: "4"). */
export function selectedValues(request: SearchRequest, key: FilterKey): string[] {
  return key === "edition" ? request.edition.map(String) : [...request[key]];
}

/** How a group's value is shown to the reader: editions as 第4版, everything else as is. */
export function formatFilterValue(key: FilterKey, value: string): string {
  return key === "edition" ? `第${value}版` : value;
}

export function toSearchHref(request: Partial<SearchRequest>): string {
  const query = toSearchQueryString(request);
  return query ? `/search?${query}` : "/search";
}

/** The same search on its first page with one change applied. */
export function toChangedSearchHref(request: SearchRequest, change: Partial<SearchRequest>): string {
  return toSearchHref({ ...request, ...change, page: 1 });
}

export function withValue(request: SearchRequest, key: FilterKey, value: string): string {
  const selected = selectedValues(request, key);
  return withSelection(request, key, selected.includes(value) ? selected : [...selected, value]);
}

export function withoutValue(request: SearchRequest, key: FilterKey, value: string): string {
  return withSelection(request, key, selectedValues(request, key).filter((other) => other !== value));
}

function withSelection(request: SearchRequest, key: FilterKey, values: string[]): string {
  return toChangedSearchHref(request, key === "edition" ? { edition: values.map(Number) } : { [key]: values });
}

export type ActiveFilter = { label: string; value: string; removeHref: string };

export function listActiveFilters(request: SearchRequest): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  if (request.from || request.to) {
    chips.push({
      label: "日期",
      value: describeDateRange(request.from, request.to),
      removeHref: toChangedSearchHref(request, { from: undefined, to: undefined }),
    });
  }
  for (const group of FILTER_GROUPS) {
    for (const value of selectedValues(request, group.key)) {
      chips.push({ label: group.label, value: formatFilterValue(group.key, value), removeHref: withoutValue(request, group.key, value) });
    }
  }
  return chips;
}

/** The query, sort and page size stay; every filter goes. */
export function toClearedFiltersHref(request: SearchRequest): string {
  return toSearchHref({ q: request.q, sort: request.sort, size: request.size });
}

export function hasFilters(request: SearchRequest): boolean {
  return Boolean(request.from || request.to) || FILTER_GROUPS.some((group) => selectedValues(request, group.key).length > 0);
}

export function describeDateRange(from: string | undefined, to: string | undefined): string {
  if (from && to) return from === to ? from : `${from} 至 ${to}`;
  if (from) return `${from} 起`;
  if (to) return `至 ${to}`;
  return "全部日期";
}

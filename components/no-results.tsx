import Link from "next/link";
import { hasFilters, listActiveFilters, toClearedFiltersHref, toSearchHref } from "@/lib/app/search-filters";
import { formatCount } from "@/lib/app/format";
import type { QuerySuggestion } from "@/lib/app/query-suggestions";
import type { SearchRequest } from "@/lib/search/search-request";

/** Nothing found: the filters to drop, and nearby queries that do find articles, each with its count. */
export function NoResults({ request, suggestions }: { request: SearchRequest; suggestions: readonly QuerySuggestion[] }) {
  const filters = listActiveFilters(request);
  return (
    <section data-testid="no-results" aria-labelledby="no-results-heading" className="rounded-lg border border-stone-300 bg-white p-6">
      <h2 id="no-results-heading" className="text-xl font-semibold">
        {request.q ? `没有找到与“${request.q}”相符的文章` : "没有符合这些条件的文章"}
      </h2>
      <ul className="mt-4 list-disc space-y-2 pl-6 text-stone-800">
        {hasFilters(request) ? (
          <li>
            去掉筛选条件：
            {filters.map((filter) => (
              <Link key={`${filter.label}:${filter.value}`} href={filter.removeHref} className="mr-3 text-link underline underline-offset-2">
                去掉“{filter.label} {filter.value}”
              </Link>
            ))}
            {filters.length > 1 ? (
              <Link href={toClearedFiltersHref(request)} className="text-link underline underline-offset-2">
                去掉全部筛选
              </Link>
            ) : null}
          </li>
        ) : null}
        {suggestions.length > 0 ? (
          <li data-testid="query-suggestions">
            试试这些检索：
            {suggestions.map((suggestion) => (
              <span key={suggestion.q} className="mr-4 inline-block">
                <Link href={toSearchHref({ ...request, q: suggestion.q, page: 1 })} className="text-link underline underline-offset-2">
                  {suggestion.q}
                </Link>
                <span className="ml-1 text-sm text-stone-600">（{formatCount(suggestion.count)} 篇）</span>
              </span>
            ))}
          </li>
        ) : null}
        <li>检查是否有错别字，或换一个说法；繁体字、简体字都能找到。</li>
      </ul>
    </section>
  );
}

import Link from "next/link";
import { listActiveFilters, toClearedFiltersHref } from "@/lib/app/search-filters";
import type { SearchRequest } from "@/lib/search/search-request";

/** The filters in force, each removable on its own, and a way to drop them all. */
export function ActiveFilters({ request }: { request: SearchRequest }) {
  const filters = listActiveFilters(request);
  if (filters.length === 0) return null;
  return (
    <section aria-labelledby="active-filters-heading" className="flex flex-wrap items-center gap-2 text-sm" data-testid="active-filters">
      <h2 id="active-filters-heading" className="text-stone-600">
        已选条件：
      </h2>
      <ul className="contents">
        {filters.map((filter) => (
          <li key={`${filter.label}:${filter.value}`}>
            <Link
              href={filter.removeHref}
              aria-label={`移除筛选：${filter.label} ${filter.value}`}
              className="inline-flex items-center gap-1.5 rounded-full border border-stone-400 bg-white py-1 pl-3 pr-2 hover:border-stone-700 hover:bg-stone-50"
            >
              <span className="text-stone-600">{filter.label}</span>
              <span className="font-medium">{filter.value}</span>
              <span aria-hidden className="ml-0.5 text-base leading-none text-stone-600">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={toClearedFiltersHref(request)} className="ml-1 text-link underline underline-offset-2">
        清除全部
      </Link>
    </section>
  );
}

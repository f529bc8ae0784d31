import Link from "next/link";
import { toChangedSearchHref } from "@/lib/app/search-filters";
import type { SearchRequest, SortOrder } from "@/lib/search/search-request";

const SORT_LABELS: Record<SortOrder, string> = { relevance: "相关度", newest: "最新", oldest: "最早" };

/** Sort orders as links; the current one is marked by a tick and weight, not colour alone. */
export function SortLinks({ request }: { request: SearchRequest }) {
  return (
    <nav aria-label="排序" className="flex items-center gap-2 text-sm">
      <span className="text-stone-600" aria-hidden>
        排序
      </span>
      <ul className="flex overflow-hidden rounded-md border border-stone-300 bg-white">
        {(Object.keys(SORT_LABELS) as SortOrder[]).map((sort) => {
          const current = request.sort === sort;
          return (
            <li key={sort} className="border-l border-stone-300 first:border-l-0">
              <Link
                href={toChangedSearchHref(request, { sort })}
                aria-current={current ? "true" : undefined}
                aria-label={`按${SORT_LABELS[sort]}排序`}
                className={`block px-3 py-1.5 ${current ? "bg-stone-800 font-bold text-white" : "text-stone-800 hover:bg-stone-100"}`}
              >
                {current ? <span aria-hidden>✓ </span> : null}
                {SORT_LABELS[sort]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

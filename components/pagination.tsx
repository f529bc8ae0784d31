import Link from "next/link";
import { toSearchQueryString, type SearchRequest } from "@/lib/search/search-request";

/** Page links: first, last, and a window around the current page, so deep pages stay reachable. */
export function Pagination({ request, totalPages }: { request: SearchRequest; totalPages: number }) {
  if (totalPages <= 1) return null;
  const current = request.page;
  const pages = new Set([1, totalPages, current - 2, current - 1, current, current + 1, current + 2]);
  const shown = [...pages].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center gap-2">
      {shown.map((page, index) => (
        <span key={page} className="flex items-center gap-2">
          {index > 0 && page - (shown[index - 1] ?? page) > 1 ? <span aria-hidden>…</span> : null}
          {page === current ? (
            <span aria-current="page" className="rounded border-2 border-stone-800 px-3 py-1 font-bold">
              {page}
            </span>
          ) : (
            <Link href={`/search?${toSearchQueryString({ ...request, page })}`} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
              {page}
            </Link>
          )}
        </span>
      ))}
    </nav>
  );
}

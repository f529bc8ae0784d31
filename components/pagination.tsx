import Link from "next/link";
import { toSearchHref } from "@/lib/app/search-filters";
import type { SearchRequest } from "@/lib/search/search-request";
import { HiddenFields } from "./hidden-fields";

/** Pages around the current one plus first and last, and a box to jump to any page, so deep results stay reachable. */
export function Pagination({ request, totalPages }: { request: SearchRequest; totalPages: number }) {
  if (totalPages <= 1) return null;
  const current = Math.min(request.page, totalPages);
  const window = new Set([1, totalPages, current - 2, current - 1, current, current + 1, current + 2]);
  const shown = [...window].filter((page) => page >= 1 && page <= totalPages).sort((a, b) => a - b);
  const link = "block min-w-10 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-center hover:bg-stone-100";
  return (
    <nav aria-label="分页" className="mt-8 flex flex-wrap items-center justify-between gap-4">
      <ul className="flex flex-wrap items-center gap-1.5">
        {current > 1 ? (
          <li>
            <Link href={toSearchHref({ ...request, page: current - 1 })} rel="prev" className={link}>
              上一页
            </Link>
          </li>
        ) : null}
        {shown.map((page, index) => (
          <li key={page} className="flex items-center gap-1.5">
            {index > 0 && page - (shown[index - 1] ?? page) > 1 ? <span aria-hidden className="px-1 text-stone-500">…</span> : null}
            {page === current ? (
              <span aria-current="page" className="block min-w-10 rounded-md border-2 border-stone-800 bg-stone-800 px-3 py-1.5 text-center font-bold text-white">
                <span className="sr-only">第 </span>
                {page}
                <span className="sr-only"> 页（当前）</span>
              </span>
            ) : (
              <Link href={toSearchHref({ ...request, page })} className={link} aria-label={`第 ${page} 页`}>
                {page}
              </Link>
            )}
          </li>
        ))}
        {current < totalPages ? (
          <li>
            <Link href={toSearchHref({ ...request, page: current + 1 })} rel="next" className={link}>
              下一页
            </Link>
          </li>
        ) : null}
      </ul>
      {totalPages > 7 ? (
        <form action="/search" method="get" className="flex items-center gap-2 text-sm">
          <HiddenFields request={request} />
          <label htmlFor="jump-page">跳至第</label>
          <input
            id="jump-page"
            name="page"
            type="number"
            min={1}
            max={totalPages}
            defaultValue={current}
            className="w-20 rounded-md border border-stone-400 bg-white px-2 py-1"
          />
          <span>页，共 {totalPages} 页</span>
          <button type="submit" className="rounded-md border border-stone-400 bg-white px-3 py-1 hover:bg-stone-100">
            前往
          </button>
        </form>
      ) : null}
    </nav>
  );
}

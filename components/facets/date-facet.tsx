import Link from "next/link";
import type { DateHistogram as Histogram } from "@/lib/app/date-histogram";
import { describeDateRange, toChangedSearchHref } from "@/lib/app/search-filters";
import type { SearchRequest } from "@/lib/search/search-request";
import { toSearchQueryString } from "@/lib/search/search-query-string";
import { DateHistogram } from "./date-histogram";
import { FacetGroup } from "./facet-group";

/** Date filter: the histogram to click or brush, the range in force, and from/to boxes. */
export function DateFacet({ request, histogram, total }: { request: SearchRequest; histogram: Histogram; total: number }) {
  const ranged = Boolean(request.from || request.to);
  const baseQuery = toSearchQueryString({ ...request, from: undefined, to: undefined, page: 1 });
  return (
    <FacetGroup legend="日期" testId="facet-date">
      {histogram.level === "month" && histogram.allYearsHref ? (
        <p className="mb-1 flex items-center justify-between text-sm">
          <span className="font-medium">{histogram.year}年 · 按月</span>
          <Link href={histogram.allYearsHref} scroll={false} className="text-link underline underline-offset-2">
            ← 全部年份
          </Link>
        </p>
      ) : null}
      {histogram.bins.length > 0 ? (
        <DateHistogram histogram={histogram} baseQuery={baseQuery} />
      ) : (
        <p className="text-sm text-stone-600">{total === 0 ? "没有结果，无法按日期分布。" : "结果中没有注明日期的文章。"}</p>
      )}
      {ranged ? (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm" data-testid="date-range">
          <span>
            已选：<strong>{describeDateRange(request.from, request.to)}</strong>
          </span>
          <Link
            href={toChangedSearchHref(request, { from: undefined, to: undefined })}
            scroll={false}
            className="text-link underline underline-offset-2"
            aria-label="移除日期范围"
          >
            移除
          </Link>
        </p>
      ) : null}
      <div className="mt-3 grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-2 text-sm">
        <label htmlFor="date-from">起</label>
        <input id="date-from" name="from" type="date" defaultValue={request.from ?? ""} key={`from-${request.from}`} className="min-w-0 rounded-md border border-stone-400 bg-white px-2 py-1" />
        <label htmlFor="date-to">止</label>
        <input id="date-to" name="to" type="date" defaultValue={request.to ?? ""} key={`to-${request.to}`} className="min-w-0 rounded-md border border-stone-400 bg-white px-2 py-1" />
      </div>
      <button type="submit" className="mt-2 rounded-md border border-stone-500 bg-white px-3 py-1 text-sm hover:bg-stone-100">
        应用日期
      </button>
    </FacetGroup>
  );
}

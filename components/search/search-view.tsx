import Link from "next/link";
import { ActiveFilters } from "@/components/active-filters";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { ExportLinks } from "@/components/export-links";
import { FeedLink } from "@/components/feed-link";
import { NoResults } from "@/components/no-results";
import { Pagination } from "@/components/pagination";
import { ResultItem } from "@/components/result-item";
import { SearchBox } from "@/components/search-box";
import { SortLinks } from "@/components/sort-links";
import { formatCount } from "@/lib/app/format";
import { toSearchHref } from "@/lib/app/search-filters";
import type { SearchPageData, SearchPageOutcome } from "@/lib/app/search-page";
import { FACETS_ROOT_ID, SearchFacets, toFacetsData, type FacetsData } from "./search-facets";

/**
 * The results page's content, for both renderers: Next.js (client navigations) and the
 * document fast path (lib/server/search-document.tsx, full page loads). `elapsed`: the search time
 * to show, when not the search's own (a remembered page fills it in per response, page-template.ts).
 * `facets`: the panel's data when the caller built it already (the document path sends it as JSON too).
 */
export function SearchView({ outcome, elapsed, facets }: { outcome: SearchPageOutcome; elapsed?: string; facets?: FacetsData | null }) {
  if (outcome.kind !== "ok") {
    return (
      <div className="space-y-6">
        <SearchBox query={outcome.request?.q ?? ""} />
        {outcome.kind === "unavailable" ? (
          <EngineUnavailable />
        ) : (
          <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
            <h1 className="font-semibold">无法执行这个检索</h1>
            <p className="mt-1">{outcome.message}</p>
          </section>
        )}
      </div>
    );
  }
  return <SearchResults data={outcome} elapsed={elapsed} facets={facets ?? toFacetsData(outcome)} />;
}

function SearchResults({ data, elapsed, facets }: { data: SearchPageData; elapsed?: string; facets: FacetsData }) {
  const { request, result } = data;
  const first = (result.page - 1) * request.size + 1;
  const last = Math.min(result.total, first + result.hits.length - 1);
  return (
    <div>
      <SearchBox query={request.q} keep={request} />
      <div className="mt-5 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 id="result-heading" className="text-lg text-stone-800" data-testid="result-count">
          {request.q ? <span className="font-serif font-semibold">“{request.q}”</span> : <span className="font-semibold">全部文章</span>}
          <span className="ml-2">
            {result.missing.length > 0 ? "已检索部分共 " : "共 "}
            {result.exact ? null : "约 "}
            <strong>{formatCount(result.total)}</strong> 篇
          </span>
          <span className="ml-2 text-sm text-stone-600">用时 {elapsed ?? result.processingTimeMs} 毫秒</span>
        </h1>
        {result.total > 0 ? <SortLinks request={request} /> : null}
      </div>
      {result.missing.length > 0 ? <MissingParts missing={result.missing} /> : null}
      {data.countsExact ? null : (
        <p className="mt-1 text-sm text-stone-600" data-testid="counts-estimated">
          {result.exact ? "本页结果和总数已核对；" : "本页结果已逐篇核对；总数和"}
          筛选计数是上限，其中可能含有并不包含检索词的文章，正在核对，刷新后即为精确数。
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <ActiveFilters request={request} />
        <FeedLink request={request} />
      </div>
      <div className="mt-5 grid gap-8 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <aside aria-labelledby="facets-heading" className="lg:self-start">
          <h2 id="facets-heading" className="sr-only">
            筛选
          </h2>
          <div id={FACETS_ROOT_ID}>
            <SearchFacets data={facets} />
          </div>
        </aside>
        <section aria-labelledby="result-heading" className="min-w-0">
          {result.total === 0 ? (
            <NoResults request={request} suggestions={data.suggestions} />
          ) : result.hits.length === 0 ? (
            <p role="status" className="rounded-lg border border-stone-300 bg-white p-5">
              第 {request.page} 页没有结果：共 {result.totalPages} 页。
              <Link href={toSearchHref({ ...request, page: result.totalPages })} className="ml-2 text-link underline underline-offset-2">
                去最后一页
              </Link>
            </p>
          ) : (
            <>
              <p className="text-sm text-stone-600" data-testid="result-range">
                第 {formatCount(first)}–{formatCount(last)} 篇
                {result.totalPages > 1 ? `（第 ${result.page} / ${result.totalPages} 页）` : ""}
              </p>
              <ol className="mt-1">
                {result.hits.map((hit) => (
                  <ResultItem key={hit.article.id} hit={hit} request={request} />
                ))}
              </ol>
              <Pagination request={request} totalPages={result.totalPages} />
              <div className="mt-6 border-t border-stone-200 pt-4">
                <ExportLinks request={request} total={result.total} />
              </div>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** Part of an archive spread over several engines did not answer: say which, plainly. */
function MissingParts({ missing }: { missing: SearchPageData["result"]["missing"] }) {
  return (
    <p role="alert" data-testid="missing-parts" className="mt-3 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
      结果不完整：{missing.map((part) => `${part.holds}（检索服务器 ${part.engine}）`).join("、")}暂时无法检索，以上总数与筛选计数不含这部分文章。
    </p>
  );
}

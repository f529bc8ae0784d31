import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { ResultItem } from "@/components/result-item";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { Pagination } from "@/components/pagination";
import { runSearchPage } from "@/lib/app/search-page";
import { toSearchQueryString } from "@/lib/search/search-request";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q ? `${q} - 检索` : "检索" };
}

export default async function SearchPage({ searchParams }: Props) {
  const outcome = await runSearchPage(await searchParams);
  const query = outcome.kind === "invalid" ? "" : outcome.request.q;
  return (
    <div>
      <SearchBox query={query} />
      <div className="mt-6">
        {outcome.kind === "invalid" ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
            {outcome.message}
          </p>
        ) : outcome.kind === "unavailable" ? (
          <EngineUnavailable />
        ) : outcome.result.total === 0 ? (
          <section data-testid="no-results">
            <h1 className="text-xl font-semibold">没有找到与“{outcome.request.q}”相符的文章</h1>
            <ul className="mt-2 list-disc pl-6 text-stone-700">
              <li>试试更短的词，或检查错别字</li>
              <li>去掉部分筛选条件</li>
            </ul>
          </section>
        ) : (
          <section aria-labelledby="result-heading">
            <h1 id="result-heading" className="text-stone-700" data-testid="result-count">
              共 <strong>{outcome.result.total.toLocaleString("zh-CN")}</strong> 篇
              <span className="ml-2 text-sm text-stone-500">（{outcome.result.processingTimeMs} 毫秒）</span>
            </h1>
            <ol className="mt-2">
              {outcome.result.hits.map((hit) => (
                <ResultItem key={hit.article.id} hit={hit} backQuery={toSearchQueryString(outcome.request)} />
              ))}
            </ol>
            <Pagination request={outcome.request} totalPages={outcome.result.totalPages} />
          </section>
        )}
        {outcome.kind !== "invalid" && !query ? (
          <p className="mt-4 text-stone-600">
            输入检索词开始搜索，或 <Link href="/" className="underline">返回首页</Link>。
          </p>
        ) : null}
      </div>
    </div>
  );
}

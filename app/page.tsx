import { SearchBox } from "@/components/search-box";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { loadOverview } from "@/lib/app/overview";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const overview = await loadOverview();
  return (
    <div className="mx-auto max-w-3xl py-10">
      <h1 className="mb-2 text-center font-serif text-4xl font-bold">报库</h1>
      <p className="mb-8 text-center text-stone-600">中文报纸档案全文检索</p>
      <SearchBox autoFocus />
      {overview.ok ? (
        <p className="mt-6 text-center text-stone-700" data-testid="overview">
          收录 {overview.value.articles.toLocaleString("zh-CN")} 篇文章
          {overview.value.firstDate ? `，${overview.value.firstDate} 至 ${overview.value.lastDate}` : ""}
          {overview.value.sources.length > 0 ? `，来自 ${overview.value.sources.join("、")}` : ""}。
        </p>
      ) : (
        <div className="mt-6">
          <EngineUnavailable />
        </div>
      )}
    </div>
  );
}

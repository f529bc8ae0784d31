import Link from "next/link";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { SearchBox } from "@/components/search-box";
import { formatCount, formatDate, formatWeekday } from "@/lib/app/format";
import { loadHome, type HomeData } from "@/lib/app/overview";
import { toSearchHref } from "@/lib/app/search-filters";

export const dynamic = "force-dynamic";

const EXAMPLE_QUERIES = ["小马书屋", "新质生产力", "“中小微企业”", "科举 文化"];

export default async function HomePage() {
  const home = await loadHome();
  return (
    <div className="mx-auto max-w-4xl">
      <section aria-labelledby="home-heading" className="py-8 text-center sm:py-12">
        <h1 id="home-heading" className="font-serif text-4xl font-bold tracking-wide text-stone-900 sm:text-5xl">
          报库
        </h1>
        <p className="mt-3 text-stone-700">中文报纸档案全文检索 · 每一个字都能找到</p>
        <div className="mx-auto mt-8 max-w-2xl">
          <SearchBox autoFocus large />
          <p className="mt-3 text-sm text-stone-600">
            例如：
            {EXAMPLE_QUERIES.map((example) => (
              <Link key={example} href={toSearchHref({ q: example })} className="mx-1.5 text-link underline underline-offset-2">
                {example}
              </Link>
            ))}
          </p>
        </div>
        {home.ok ? <ArchiveLine data={home.value} /> : null}
      </section>
      {home.ok ? <HomeSections data={home.value} /> : <EngineUnavailable />}
    </div>
  );
}

function ArchiveLine({ data: { overview } }: { data: HomeData }) {
  return (
    <p className="mx-auto mt-8 max-w-2xl text-stone-700" data-testid="overview">
      收录 <strong>{formatCount(overview.articles)}</strong> 篇文章
      {overview.firstDate && overview.lastDate ? `，${formatDate(overview.firstDate)} 至 ${formatDate(overview.lastDate)}` : ""}
      {overview.sources.length > 0 ? `，来自 ${overview.sources.join("、")}` : ""}。
    </p>
  );
}

function HomeSections({ data }: { data: HomeData }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="recent-heading" className="rounded-lg border border-stone-300 bg-white p-5">
        <div className="flex items-baseline justify-between">
          <h2 id="recent-heading" className="font-serif text-xl font-semibold">
            最近各期
          </h2>
          <Link href="/browse" className="text-sm text-link underline underline-offset-2">
            按日期浏览全部
          </Link>
        </div>
        {data.recentIssues.length === 0 ? (
          <p className="mt-3 text-stone-600">档案中还没有注明日期的报纸。</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200" data-testid="recent-issues">
            {data.recentIssues.map((issue) => (
              <li key={issue.date}>
                <Link href={`/browse/${issue.date}`} className="flex items-baseline justify-between gap-3 py-2 hover:bg-stone-50">
                  <span>
                    <span className="font-medium text-link">{formatDate(issue.date)}</span>
                    <span className="ml-2 text-sm text-stone-600">{formatWeekday(issue.date)}</span>
                    <span className="block text-sm text-stone-700">{issue.sources.join("、")}</span>
                  </span>
                  <span className="shrink-0 text-sm text-stone-600">{formatCount(issue.count)} 篇</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="topics-heading" className="rounded-lg border border-stone-300 bg-white p-5">
        <h2 id="topics-heading" className="font-serif text-xl font-semibold">
          热门主题
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2" data-testid="top-topics">
          {data.topTopics.map((topic) => (
            <li key={topic.value}>
              <Link
                href={toSearchHref({ topic: [topic.value] })}
                className="inline-flex items-baseline gap-1.5 rounded-full border border-stone-300 bg-stone-50 px-3 py-1 hover:border-stone-600"
              >
                <span>{topic.value}</span>
                <span className="text-xs text-stone-600">{formatCount(topic.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

import Link from "next/link";
import { ArticleLinkList } from "./article-link-list";
import { formatCount, formatDate, formatPage, formatWeekday } from "@/lib/app/format";
import { toSearchHref } from "@/lib/app/search-filters";
import type { Issue } from "@/lib/search/browse";

/** One day's papers, page by page, articles in the order printed. */
export function DayIssues({ date, issues }: { date: string; issues: readonly Issue[] }) {
  const total = issues.reduce((sum, issue) => sum + issue.pages.reduce((count, page) => count + page.articles.length, 0), 0);
  return (
    <section aria-labelledby="day-heading" data-testid="day-issues">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-stone-300 pb-2">
        <h2 id="day-heading" className="font-serif text-2xl font-semibold">
          {formatDate(date)} <span className="text-lg font-normal text-stone-600">{formatWeekday(date)}</span>
        </h2>
        <Link href={toSearchHref({ from: date, to: date })} className="text-sm text-link underline underline-offset-2">
          在当天 {formatCount(total)} 篇中检索
        </Link>
      </div>
      {issues.length === 0 ? <p className="mt-4 text-stone-700">这一天没有收录的报纸。</p> : null}
      {issues.map((issue) => (
        <section key={issue.source} aria-labelledby={`paper-${issue.source}`} className="mt-6">
          <h3 id={`paper-${issue.source}`} className="font-serif text-xl font-semibold text-accent">
            {issue.source}
          </h3>
          <ol className="mt-3 grid gap-4 md:grid-cols-2">
            {issue.pages.map((page) => (
              <li key={page.page ?? "none"} className="rounded-lg border border-stone-300 bg-white p-4">
                <h4 className="mb-2 font-semibold">
                  {formatPage(page.page)} <span className="text-sm font-normal text-stone-600">{page.articles.length} 篇</span>
                </h4>
                <ArticleLinkList articles={page.articles} show={{ authors: true }} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

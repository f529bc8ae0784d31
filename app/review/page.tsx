import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { describeCorrection } from "@/lib/app/correction-labels";
import { describeWeakestLine } from "@/lib/app/segment-labels";
import { loadReviewPage, REVIEW_PAGE_SIZE } from "@/lib/app/review-page";
import { toSearchHref } from "@/lib/app/search-filters";
import { readPageSession } from "@/lib/librarians/request-session";

export const metadata: Metadata = { title: "审核队列", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Librarians only: what the machine was least sure of, for a person to check. */
export default async function ReviewPage({ searchParams }: Props) {
  const session = await readPageSession();
  if (!session) redirect("/librarian/sign-in?next=/review");
  const data = await loadReviewPage(await searchParams);
  const pages = Math.max(1, Math.ceil(data.total / REVIEW_PAGE_SIZE));
  return (
    <div className="space-y-10">
      <div>
        <h1 className="font-serif text-3xl font-bold">审核队列</h1>
        <p className="mt-2 text-stone-700">版面切分时机器最没有把握的文章（边界或署名置信度低于 80%），最没把握的在前；点开文章即可在页面下方更正，或确认无误。</p>
      </div>
      <section aria-labelledby="uncertain-heading">
        <h2 id="uncertain-heading" className="text-xl font-semibold">
          待核对的文章（{data.total} 篇）
        </h2>
        {data.items.length === 0 ? (
          <p className="mt-3 text-stone-600">没有待核对的文章。</p>
        ) : (
          <table className="mt-3 w-full border-collapse text-left text-sm" data-testid="review-items">
            <caption className="sr-only">待核对的文章：标题、来源文件、边界与署名置信度、原因</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">文章</th>
                <th scope="col" className="px-3 py-2">边界</th>
                <th scope="col" className="px-3 py-2">署名</th>
                <th scope="col" className="px-3 py-2">最不确定之处</th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 bg-white">
              {data.items.map((item) => (
                <tr key={item.articleId}>
                  <td className="px-3 py-2">
                    <Link href={`/articles/${item.articleId}#correct`} className="text-link underline underline-offset-2">
                      {item.title}
                    </Link>
                    <span className="block text-stone-600">
                      {item.sourceFile}
                      {item.date ? ` · ${item.date}` : ""}
                    </span>
                  </td>
                  <td className="px-3 py-2">{percent(item.boundary)}</td>
                  <td className="px-3 py-2">{percent(item.byline)}</td>
                  <td className="px-3 py-2 text-stone-700">{describeWeakestLine(item.weakest)}</td>
                  <td className="px-3 py-2">
                    <form method="post" action="/api/review">
                      <input type="hidden" name="csrf" value={session.csrfToken} />
                      <input type="hidden" name="articleId" value={item.articleId} />
                      <button type="submit" className="whitespace-nowrap rounded border border-stone-400 px-2 py-1 hover:border-stone-700">
                        确认无误
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <nav aria-label="审核队列分页" className="mt-3 flex gap-4">
            {data.page > 1 ? <Link href={`/review?page=${data.page - 1}`}>上一页</Link> : null}
            <span>
              第 {data.page} / {pages} 页
            </span>
            {data.page < pages ? <Link href={`/review?page=${data.page + 1}`}>下一页</Link> : null}
          </nav>
        ) : null}
      </section>
      <section aria-labelledby="stale-heading">
        <h2 id="stale-heading" className="text-xl font-semibold">
          原文已改动、暂未生效的更正（{data.stale.length}）
        </h2>
        <p className="mt-1 text-sm text-stone-600">重新导入后，这些更正与原文不再吻合，已保留但没有应用。请核对后重新更正，或撤销。</p>
        <ul className="mt-3 space-y-2" data-testid="stale-corrections">
          {data.stale.map((correction) => (
            <li key={correction.id} className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
              <Link href={`/articles/${correction.articleId}#correct`} className="text-link underline underline-offset-2">
                {correction.articleId}
              </Link>
              ：{describeCorrection(correction)}（{correction.createdBy}，{correction.createdAt.slice(0, 10)}）
              <span className="block text-amber-900">{correction.staleReason}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="authors-heading">
        <h2 id="authors-heading" className="text-xl font-semibold">
          需要核对的作者
        </h2>
        {data.suspects === null ? (
          <p className="mt-3 text-stone-600">检索服务暂时不可用，作者列表稍后再看。</p>
        ) : data.suspects.length === 0 ? (
          <p className="mt-3 text-stone-600">没有发现疑似一人多名或多人同名的作者。</p>
        ) : (
          <ul className="mt-3 space-y-2 text-sm" data-testid="author-suspects">
            {data.suspects.map((suspect) =>
              suspect.kind === "split" ? (
                <li key={`split-${suspect.paper}-${suspect.names.join()}`}>
                  疑似同一人的不同写法（{suspect.paper}，共 {suspect.count} 篇）：
                  {suspect.names.map((name, i) => (
                    <span key={name}>
                      {i > 0 ? "、" : ""}
                      <Link href={toSearchHref({ author: [name] })} className="text-link underline underline-offset-2">
                        {name}
                      </Link>
                    </span>
                  ))}
                </li>
              ) : (
                <li key={`merged-${suspect.paper}-${suspect.name}`}>
                  <Link href={toSearchHref({ author: [suspect.name] })} className="text-link underline underline-offset-2">
                    {suspect.name}
                  </Link>
                  （{suspect.paper}，{suspect.count} 篇）：{suspect.why}
                </li>
              ),
            )}
          </ul>
        )}
      </section>
    </div>
  );
}

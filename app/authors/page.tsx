import type { Metadata } from "next";
import Link from "next/link";
import { EngineUnavailable } from "@/components/engine-unavailable";
import { DIRECTORY_PAGE_SIZE, loadDirectoryPage, toAuthorHref, toDirectoryQueryString } from "@/lib/app/authors-directory-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "作者名录" };

const SORT_LABELS = { count: "按篇数", name: "按拼音", first: "按最早", last: "按最近" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuthorsPage({ searchParams }: Props) {
  const data = await loadDirectoryPage(await searchParams);
  const { params } = data;
  return (
    <div>
      <h1 className="font-serif text-3xl font-bold">作者名录</h1>
      <p className="mt-1 text-stone-600">报纸署名中的每一位作者：篇数、角色、报纸与起止日期。可用汉字、全拼或首字母筛选（如 lijing、lj）。</p>
      <form action="/authors" method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search">
        <label className="flex flex-col text-sm">
          筛选作者
          <input name="q" type="search" defaultValue={params.q} maxLength={50} placeholder="李静 / lijing / lj" className="mt-1 rounded border border-stone-400 bg-white px-3 py-2 text-base" />
        </label>
        {data.kind === "ok" ? (
          <label className="flex flex-col text-sm">
            角色
            <select name="role" defaultValue={params.role ?? ""} className="mt-1 rounded border border-stone-400 bg-white px-3 py-2 text-base">
              <option value="">全部角色</option>
              {data.roles.map((role) => (
                <option key={role} value={role}>{role}</option>
              ))}
            </select>
          </label>
        ) : null}
        <input type="hidden" name="sort" value={params.sort} />
        <button type="submit" className="rounded bg-[var(--color-accent)] px-4 py-2 text-white">筛选</button>
      </form>
      <nav aria-label="排序" className="mt-4 flex gap-3 text-sm">
        {(Object.keys(SORT_LABELS) as Array<keyof typeof SORT_LABELS>).map((sort) =>
          sort === params.sort ? (
            <span key={sort} aria-current="true" className="font-bold underline">{SORT_LABELS[sort]}</span>
          ) : (
            <Link key={sort} href={`/authors?${toDirectoryQueryString({ ...params, sort, page: 1 })}`} className="text-link underline underline-offset-2">
              {SORT_LABELS[sort]}
            </Link>
          ),
        )}
      </nav>
      {data.kind === "unavailable" ? (
        <div className="mt-6"><EngineUnavailable /></div>
      ) : data.total === 0 ? (
        <p className="mt-6" data-testid="no-authors">没有找到与“{params.q}”相符的作者。</p>
      ) : (
        <>
          <p className="mt-4 text-sm text-stone-600" data-testid="author-count">共 {data.total.toLocaleString("zh-CN")} 位</p>
          <table className="mt-2 w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-stone-400">
                <th scope="col" className="py-2">作者</th>
                <th scope="col">篇数</th>
                <th scope="col">角色</th>
                <th scope="col">报纸</th>
                <th scope="col">起止</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={`${entry.paper}/${entry.name}`} className="border-b border-stone-200" data-testid="author-row">
                  <td className="py-2">
                    <Link href={toAuthorHref(entry.name, entry.paper)} className="text-link underline underline-offset-2">{entry.name}</Link>
                    <span className="ml-2 text-xs text-stone-500">{entry.pinyin.syllables.join(" ")}</span>
                  </td>
                  <td>{entry.count}</td>
                  <td className="text-sm">{entry.roles.map((role) => `${role.role} ${role.count}`).join("、")}</td>
                  <td className="text-sm">{entry.paper}</td>
                  <td className="text-sm">{entry.firstDate ? `${entry.firstDate} — ${entry.lastDate}` : "日期不详"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <DirectoryPages params={params} total={data.total} />
        </>
      )}
    </div>
  );
}

function DirectoryPages({ params, total }: { params: Parameters<typeof toDirectoryQueryString>[0] & { page: number }; total: number }) {
  const pages = Math.ceil(total / DIRECTORY_PAGE_SIZE);
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-4 flex gap-3">
      {params.page > 1 ? <Link href={`/authors?${toDirectoryQueryString({ ...params, page: params.page - 1 })}`} className="text-link underline underline-offset-2">上一页</Link> : null}
      <span>第 {params.page} / {pages} 页</span>
      {params.page < pages ? <Link href={`/authors?${toDirectoryQueryString({ ...params, page: params.page + 1 })}`} className="text-link underline underline-offset-2">下一页</Link> : null}
    </nav>
  );
}

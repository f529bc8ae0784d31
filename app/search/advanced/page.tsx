import type { Metadata } from "next";
import Link from "next/link";
import { AUTHOR_ROLES } from "@/lib/article/types";
import { ADVANCED_FIELDS, ADVANCED_OPERATORS, PAGE_SIZES, SORT_LABELS, loadAdvancedForm } from "@/lib/app/advanced-search-page";

export const metadata: Metadata = { title: "高级检索" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const control = "rounded border border-stone-400 bg-white px-2 py-1.5";

/**
 * Rows of field, operator and words, submitted without script to /search/advanced/run, which
 * writes them as the ordinary query language and opens the results. Opened from a results page,
 * the form shows that search.
 */
export default async function AdvancedSearchPage({ searchParams }: Props) {
  const { form, error } = loadAdvancedForm(await searchParams);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="font-serif text-3xl font-bold">高级检索</h1>
      <p className="mt-2 text-stone-700">
        逐行填写检索条件，行与行之间用“并且”“或者”“不含”连接；提交后转为普通检索式，结果页网址可直接分享和修改。写法说明见{" "}
        <Link href="/search/help" className="text-link underline underline-offset-2">
          检索帮助
        </Link>
        。
      </p>
      {error ? (
        <p role="alert" id="advanced-error" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="advanced-error">
          {error}
        </p>
      ) : null}
      <form method="get" action="/search/advanced/run" className="mt-6 space-y-6" aria-describedby={error ? "advanced-error" : undefined}>
        <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
          <legend className="px-1 font-semibold">检索条件</legend>
          <ol className="space-y-2">
            {form.rows.map((row, i) => {
              const n = i + 1;
              return (
                <li key={n} className="flex flex-wrap items-center gap-2" data-testid="advanced-row">
                  <label htmlFor={`o${n}`} className="sr-only">
                    第 {n} 行的连接方式
                  </label>
                  <select id={`o${n}`} name={`o${n}`} defaultValue={row.op} className={control}>
                    <Options labels={ADVANCED_OPERATORS} />
                  </select>
                  <label htmlFor={`f${n}`} className="sr-only">
                    第 {n} 行的检索字段
                  </label>
                  <select id={`f${n}`} name={`f${n}`} defaultValue={row.field} className={control}>
                    <Options labels={ADVANCED_FIELDS} />
                  </select>
                  <label htmlFor={`w${n}`} className="sr-only">
                    第 {n} 行的检索词
                  </label>
                  <input id={`w${n}`} name={`w${n}`} defaultValue={row.words} maxLength={200} className={`${control} min-w-0 flex-1`} />
                </li>
              );
            })}
          </ol>
          <p className="mt-2 text-sm text-stone-600">第一行的“或者”按“并且”处理；空行不计。一行中含空格的词按短语整体匹配。</p>
          {form.topics.length > 0 ? (
            <p className="mt-2 text-sm" data-testid="advanced-topics">
              保留主题筛选：{form.topics.join("、")}
              {form.topics.map((topic) => (
                <input key={topic} type="hidden" name="topic" value={topic} />
              ))}
            </p>
          ) : null}
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <fieldset data-testid="advanced-roles">
              <legend className="font-medium">
                作者身份<span className="text-sm font-normal text-stone-600">（可多选，不选为不限）</span>
              </legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {[...new Set([...AUTHOR_ROLES, ...form.roles])].map((role) => (
                  <label key={role} className="inline-flex items-center gap-1.5">
                    <input type="checkbox" name="role" value={role} defaultChecked={form.roles.includes(role)} className="h-4 w-4" />
                    {role}
                  </label>
                ))}
              </div>
            </fieldset>
            <div>
              <label htmlFor="extra" className="block font-medium">
                补充检索式<span className="text-sm font-normal text-stone-600">（如 春运 NEAR/5 铁路）</span>
              </label>
              <input id="extra" name="extra" defaultValue={form.extra} maxLength={256} className={`${control} mt-1 w-full`} />
            </div>
          </div>
        </fieldset>
        <fieldset className="grid gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-4">
          <legend className="px-1 font-semibold">范围与排序</legend>
          <div>
            <label htmlFor="from" className="block font-medium">
              起始日期
            </label>
            <input id="from" name="from" type="date" defaultValue={form.from} className={`${control} mt-1 w-full`} />
          </div>
          <div>
            <label htmlFor="to" className="block font-medium">
              结束日期
            </label>
            <input id="to" name="to" type="date" defaultValue={form.to} className={`${control} mt-1 w-full`} />
          </div>
          <div>
            <label htmlFor="sort" className="block font-medium">
              排序
            </label>
            <select id="sort" name="sort" defaultValue={form.sort} className={`${control} mt-1 w-full`}>
              <Options labels={SORT_LABELS} />
            </select>
          </div>
          <div>
            <label htmlFor="size" className="block font-medium">
              每页条数
            </label>
            <select id="size" name="size" defaultValue={String(form.size)} className={`${control} mt-1 w-full`}>
              <Options labels={Object.fromEntries(PAGE_SIZES.map((size) => [size, String(size)]))} />
            </select>
          </div>
        </fieldset>
        <div className="flex items-center gap-4">
          <button type="submit" className="rounded-md bg-accent px-6 py-2 font-medium text-white hover:bg-red-900">
            检索
          </button>
          <Link href="/search/advanced" className="text-link underline underline-offset-2">
            清空
          </Link>
        </div>
      </form>
    </div>
  );
}

/** A select's options from value → label. */
function Options({ labels }: { labels: Readonly<Record<string, string>> }) {
  return Object.entries(labels).map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}

import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { toSearchHref } from "@/lib/app/search-filters";
import { QUERY_SYNTAX } from "@/lib/search/query/syntax";

export const metadata: Metadata = { title: "检索帮助" };

/** The query language in Chinese, one row per operator with an example to try (the README's table too). */
export default function SearchHelpPage() {
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="font-serif text-3xl font-bold">检索帮助</h1>
      <p className="mt-3 text-stone-700">
        报库按字逐一精确匹配：输入的每个词都必须原样出现在文章中（繁体与简体、全角与半角视为相同，不受分词影响）。日期、作者、身份、主题、栏目、报纸和版次可在结果页左侧筛选。
      </p>
      <div className="mt-5">
        <SearchBox />
      </div>
      <div className="mt-6 overflow-x-auto rounded-lg border border-stone-300 bg-white">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">检索语法：每种写法、示例和含义</caption>
          <thead className="bg-stone-100 text-sm text-stone-700">
            <tr>
              <th scope="col" className="px-4 py-2">写法</th>
              <th scope="col" className="px-4 py-2">示例（点击即可检索）</th>
              <th scope="col" className="px-4 py-2">含义</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {QUERY_SYNTAX.map((row) => (
              <tr key={row.name} data-testid="syntax-row">
                <th scope="row" className="px-4 py-3 align-top font-medium">
                  {row.name}
                  <span className="mt-1 block text-sm font-normal text-stone-600">{row.form}</span>
                </th>
                <td className="px-4 py-3 align-top">
                  <Link href={toSearchHref({ q: row.example })} className="font-mono text-link underline underline-offset-2">
                    {row.example}
                  </Link>
                </td>
                <td className="px-4 py-3 align-top text-stone-800">{row.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

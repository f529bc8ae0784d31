import Link from "next/link";
import type { SearchHit } from "@/lib/search/search-articles";
import { Byline } from "./byline";
import { Highlighted } from "./highlighted";

export function ResultItem({ hit, backQuery }: { hit: SearchHit; backQuery: string }) {
  const { article } = hit;
  const href = `/articles/${article.id}${backQuery ? `?${backQuery}` : ""}`;
  return (
    <li className="border-b border-stone-200 py-4" data-testid="result">
      {article.kicker ? <p className="text-sm text-stone-600">{article.kicker}</p> : null}
      <h2 className="font-serif text-xl font-semibold">
        <Link href={href} className="text-blue-900 hover:underline">
          <Highlighted segments={hit.title} />
        </Link>
      </h2>
      {article.subtitle ? <p className="text-stone-700">{article.subtitle}</p> : null}
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-600">
        <span>{article.date ?? "日期不详"}</span>
        <span>{article.source}</span>
        {article.page !== null ? <span>第 {article.page} 版</span> : null}
        <Byline authors={article.authors} />
      </p>
      {hit.snippets.map((snippet, index) => (
        <p key={index} className="mt-2 leading-7 text-stone-800" data-testid="snippet">
          {snippet.leadingEllipsis ? "…" : ""}
          <Highlighted segments={snippet.segments} />
          {snippet.trailingEllipsis ? "…" : ""}
        </p>
      ))}
      {article.topics.length > 0 ? (
        <p className="mt-2 flex gap-2 text-xs">
          {article.topics.map((topic) => (
            <span key={topic} className="rounded-full border border-stone-300 px-2 py-0.5 text-stone-700">
              {topic}
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

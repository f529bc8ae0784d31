import Link from "next/link";
import { formatDate, formatPage } from "@/lib/app/format";
import { toSearchHref, withValue } from "@/lib/app/search-filters";
import type { SearchHit } from "@/lib/search/search-articles";
import type { SearchRequest } from "@/lib/search/search-request";
import { toSearchQueryString } from "@/lib/search/search-request";
import { Byline } from "./byline";
import { segmentsToSafeHtml, wrapSnippet } from "@/lib/search/highlight";
import { Highlighted } from "./highlighted";

type Props = {
  hit: SearchHit;
  /** The search the hit belongs to: topic chips refine it, the article page links back to it. */
  request?: SearchRequest;
  /** Only the way back (for lists that are not a search page). */
  backQuery?: string;
};

export function ResultItem({ hit, request, backQuery }: Props) {
  const { article } = hit;
  const back = request ? toSearchQueryString(request) : (backQuery ?? "");
  const href = `/articles/${article.id}${back ? `?${back}` : ""}`;
  return (
    <li className="border-b border-stone-200 py-5 first:pt-2" data-testid="result">
      <article aria-labelledby={`title-${article.id}`}>
        {article.kicker ? <p className="text-sm text-stone-600">{article.kicker}</p> : null}
        <h2 id={`title-${article.id}`} className="font-serif text-xl font-semibold leading-snug">
          <Link href={href} className="text-link underline-offset-4 hover:underline">
            <Highlighted segments={hit.title} />
          </Link>
        </h2>
        {article.subtitle ? <p className="mt-0.5 text-stone-700">{article.subtitle}</p> : null}
        <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-600">
          <span>{article.date ? formatDate(article.date) : "日期不详"}</span>
          <span>{article.source}</span>
          {article.page !== null ? <span>{formatPage(article.page)}</span> : null}
          {article.column ? <span>【{article.column}】</span> : null}
          <Byline authors={article.authors} />
        </p>
        {hit.snippets.map((snippet, index) => (
          // One string per snippet (segmentsToSafeHtml escapes all text and emits only <mark>):
          // a results page has 60 snippets, and element trees for them cost render time.
          <p
            key={index}
            className="mt-2 leading-7 text-stone-800"
            data-testid="snippet"
            dangerouslySetInnerHTML={{ __html: wrapSnippet(snippet, segmentsToSafeHtml) }}
          />
        ))}
        {article.topics.length > 0 ? (
          <ul aria-label="主题" className="mt-2 flex flex-wrap gap-2 text-xs">
            {article.topics.map((topic) => (
              <li key={topic}>
                <Link
                  href={request ? withValue(request, "topic", topic) : toSearchHref({ topic: [topic] })}
                  className="inline-block rounded-full border border-stone-300 bg-white px-2.5 py-0.5 text-stone-700 hover:border-stone-500"
                  aria-label={`按主题筛选：${topic}`}
                >
                  {topic}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </li>
  );
}

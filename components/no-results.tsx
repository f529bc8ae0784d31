import Link from "next/link";
import { hasFilters, listActiveFilters, toClearedFiltersHref, toSearchHref } from "@/lib/app/search-filters";
import type { SearchRequest } from "@/lib/search/search-request";

/** Shorter queries worth trying: each word of a multi-word query on its own. */
function suggestShorterQueries(q: string): string[] {
  const words = q.split(/\s+/u).filter((word) => word.length > 0 && !word.startsWith("-"));
  if (words.length > 1) return words.slice(0, 4);
  const only = words[0]?.replace(/^"|"$|^“|”$/gu, "") ?? "";
  return only.length > 4 ? [only.slice(0, 2), only.slice(-2)] : [];
}

export function NoResults({ request }: { request: SearchRequest }) {
  const filters = listActiveFilters(request);
  const shorter = suggestShorterQueries(request.q);
  return (
    <section data-testid="no-results" aria-labelledby="no-results-heading" className="rounded-lg border border-stone-300 bg-white p-6">
      <h2 id="no-results-heading" className="text-xl font-semibold">
        {request.q ? `没有找到与“${request.q}”相符的文章` : "没有符合这些条件的文章"}
      </h2>
      <ul className="mt-4 list-disc space-y-2 pl-6 text-stone-800">
        {hasFilters(request) ? (
          <li>
            去掉筛选条件：
            {filters.map((filter) => (
              <Link key={`${filter.label}:${filter.value}`} href={filter.removeHref} className="mr-3 text-link underline underline-offset-2">
                去掉“{filter.label} {filter.value}”
              </Link>
            ))}
            {filters.length > 1 ? (
              <Link href={toClearedFiltersHref(request)} className="text-link underline underline-offset-2">
                去掉全部筛选
              </Link>
            ) : null}
          </li>
        ) : null}
        {shorter.length > 0 ? (
          <li>
            试试更短的检索词：
            {shorter.map((word) => (
              <Link key={word} href={toSearchHref({ ...request, q: word, page: 1 })} className="mr-3 text-link underline underline-offset-2">
                {word}
              </Link>
            ))}
          </li>
        ) : null}
        <li>检查是否有错别字，或换一个说法；繁体字、简体字都能找到。</li>
      </ul>
    </section>
  );
}

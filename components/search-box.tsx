import { toSearchQueryString, type SearchRequest } from "@/lib/search/search-request";
import { HiddenFields } from "./hidden-fields";

type Props = {
  query?: string;
  autoFocus?: boolean;
  /** Filters and sort a new query keeps (the results page refines within them). */
  keep?: Partial<SearchRequest>;
  large?: boolean;
};

/** A plain GET form: searching works without client JavaScript. */
export function SearchBox({ query = "", autoFocus = false, keep, large = false }: Props) {
  const text = large ? "text-lg sm:text-xl" : "text-base sm:text-lg";
  const current = toSearchQueryString({ ...keep, q: query, page: 1 });
  return (
    <form action="/search" method="get" role="search" aria-label="全文检索" className="flex w-full gap-2">
      <label htmlFor="q" className="sr-only">
        检索词
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={query}
        autoFocus={autoFocus}
        maxLength={256}
        placeholder="输入词语、人名、数字或 “短语”"
        className={`min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-3 py-2 shadow-inner ${text} ${large ? "sm:py-3" : ""}`}
      />
      {keep ? <HiddenFields request={{ ...keep, q: undefined }} /> : null}
      <button type="submit" className={`shrink-0 rounded-md bg-accent px-5 py-2 font-medium text-white hover:bg-red-900 ${text}`}>
        检索
      </button>
      <a href={`/search/advanced${current ? `?${current}` : ""}`} className="self-center whitespace-nowrap text-sm text-link underline underline-offset-2" data-testid="advanced-link">
        高级检索
      </a>
    </form>
  );
}

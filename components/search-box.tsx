/** A plain GET form: searching works without client JavaScript. */
export function SearchBox({ query = "", autoFocus = false }: { query?: string; autoFocus?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className="flex w-full gap-2">
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
        className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-3 py-2 text-lg"
      />
      <button type="submit" className="rounded bg-[var(--color-accent)] px-5 py-2 text-lg text-white hover:bg-red-900">
        检索
      </button>
    </form>
  );
}

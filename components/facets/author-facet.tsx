"use client";

import { useEffect, useState } from "react";
import { formatCount } from "@/lib/app/format";
import type { NameMatch, ValueCount } from "@/lib/search/facet-values";
import { FacetCheckboxList } from "./facet-checkbox-list";

type Props = {
  topAuthors: readonly ValueCount[];
  selected: readonly string[];
  /** The fragment submitted without JavaScript, and what the server found for it. */
  initialQuery: string;
  initialMatches: readonly NameMatch[] | null;
  /** The current search as a query string: matches are counted within it. */
  searchQuery: string;
};

/** The answer for one fragment within one search (`scope`): counts change with the search. */
type Lookup = { query: string; scope: string; matches: readonly NameMatch[] | null; failed: boolean };

const DEBOUNCE_MS = 200;

/**
 * Authors: the most frequent in the results, and a box that finds any author
 * in them by name (exact and prefix matches first). Without JavaScript the
 * box is part of the filter form and the server answers the lookup.
 */
export function AuthorFacet({ topAuthors, selected, initialQuery, initialMatches, searchQuery }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [lookup, setLookup] = useState<Lookup>({ query: initialQuery, scope: searchQuery, matches: initialMatches, failed: false });

  useEffect(() => {
    const fragment = query.trim();
    if (!fragment || (fragment === lookup.query && searchQuery === lookup.scope)) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams(searchQuery);
        params.set("authorq", fragment);
        const response = await fetch(`/search/authors?${params.toString()}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { matches: NameMatch[] };
        setLookup({ query: fragment, scope: searchQuery, matches: body.matches, failed: false });
      } catch {
        if (!controller.signal.aborted) setLookup({ query: fragment, scope: searchQuery, matches: null, failed: true });
      }
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query, lookup.query, lookup.scope, searchQuery]);

  const searching = query.trim() !== "";
  const matches = searching && lookup.query === query.trim() ? lookup.matches : null;
  const status = !searching
    ? ""
    : lookup.failed
      ? "暂时无法查找作者，请稍后再试。"
      : matches === null
        ? "正在查找…"
        : matches.length === 0
          ? `结果中没有名字含“${query.trim()}”的作者。`
          : `找到 ${formatCount(matches.length)} 位作者。`;

  return (
    <div data-testid="facet-authors">
      <div className="mb-2 flex gap-1">
        <label htmlFor="author-search" className="sr-only">
          查找作者
        </label>
        <input
          id="author-search"
          name="authorq"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // With JavaScript the list updates as one types; Enter must not submit the whole filter form.
            if (event.key === "Enter") event.preventDefault();
          }}
          placeholder="查找作者…"
          autoComplete="off"
          maxLength={20}
          className="min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        />
        <button type="submit" className="no-js-only rounded-md border border-stone-500 bg-white px-2 py-1 text-sm">
          查找
        </button>
      </div>
      <p role="status" className={searching ? "mb-1 text-xs text-stone-600" : "sr-only"}>
        {status}
      </p>
      {searching ? (
        matches && matches.length > 0 ? (
          <FacetCheckboxList name="author" values={matches} selected={selected} visible={30} />
        ) : null
      ) : (
        <FacetCheckboxList name="author" values={topAuthors} selected={selected} />
      )}
      {searching ? <SelectedOutsideMatches selected={selected} matches={matches ?? []} /> : null}
    </div>
  );
}

/** Authors already chosen stay in the form while the box lists others, so the next tick keeps them. */
function SelectedOutsideMatches({ selected, matches }: { selected: readonly string[]; matches: readonly ValueCount[] }) {
  const hidden = selected.filter((name) => !matches.some((match) => match.value === name));
  return (
    <>
      {hidden.map((name) => (
        <input key={name} type="hidden" name="author" value={name} />
      ))}
    </>
  );
}

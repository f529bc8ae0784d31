import type { PageTemplate } from "./page-template";

/**
 * Rendered results pages remembered by index version and request, within a byte budget, the
 * least recently used forgotten first. Under load a page's own Node work (the engine's answer
 * read, highlighting, React's render, the bytes written) was about twice the engine's work for
 * the same search (README, "Under load"); a page asked for again while the index has not changed
 * costs only its copy. Only what is the same for every reader is kept: the search-page fast path
 * stores anonymous pages with exact counts, and reads the version fresh for every request, so a
 * remembered page never outlives the index.
 */

export type PageCache = {
  read: (key: string) => PageTemplate | undefined;
  keep: (key: string, page: PageTemplate) => void;
  /** Lookups answered and not, since the cache was made: for the benchmark and tests. */
  readCounts: () => { hits: number; misses: number; pages: number; bytes: number };
  clear: () => void;
};

export function createPageCache(maxBytes: number): PageCache {
  const pages = new Map<string, PageTemplate>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  const forget = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.bytes + key.length;
  };
  return {
    read(key) {
      const page = pages.get(key);
      if (!page) {
        misses++;
        return undefined;
      }
      hits++;
      // Most recently used last.
      pages.delete(key);
      pages.set(key, page);
      return page;
    },
    keep(key, page) {
      forget(key);
      if (page.bytes + key.length > maxBytes) return;
      pages.set(key, page);
      bytes += page.bytes + key.length;
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes) break;
        forget(oldest);
      }
    },
    readCounts: () => ({ hits, misses, pages: pages.size, bytes }),
    clear() {
      pages.clear();
      bytes = 0;
    },
  };
}

/**
 * The page's key: the index version and the query's parameters in a fixed order. The page depends
 * on the multiset of parameters (values of one name keep their order), not on how a link ordered them.
 */
export function toPageCacheKey(version: string, query: URLSearchParams): string {
  const sorted = new URLSearchParams(query);
  sorted.sort();
  return `${version}?${sorted.toString()}`;
}

import type { Author } from "@/lib/article/types";
import { matchesAuthorQuery, toPinyinKeys, toPinyinSortKey, type PinyinKeys } from "./pinyin";

/**
 * The author directory: every person in a byline, per paper (same-name people
 * in different papers are kept apart), with counts, roles and first/last dates.
 */
export type AuthorEntry = {
  name: string;
  paper: string;
  count: number;
  roles: Array<{ role: string; count: number }>;
  firstDate: string | null;
  lastDate: string | null;
  pinyin: PinyinKeys;
  sortKey: string;
};

export type BylineRecord = { bylines: Author[]; source: string; date: string | null };

export const NO_ROLE = "未注明";

export function aggregateAuthors(records: Iterable<BylineRecord>): AuthorEntry[] {
  const entries = new Map<string, { name: string; paper: string; count: number; roles: Map<string, number>; first: string | null; last: string | null }>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const author of record.bylines) {
      const key = `${record.source}\u0000${author.name}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = { name: author.name, paper: record.source, count: 0, roles: new Map(), first: null, last: null };
        entries.set(key, entry);
      }
      const role = author.role ?? NO_ROLE;
      entry.roles.set(role, (entry.roles.get(role) ?? 0) + 1);
      // One article counts once per person, even when the byline names them twice (文/摄).
      if (seen.has(key)) continue;
      seen.add(key);
      entry.count += 1;
      if (record.date) {
        if (!entry.first || record.date < entry.first) entry.first = record.date;
        if (!entry.last || record.date > entry.last) entry.last = record.date;
      }
    }
  }
  return [...entries.values()].map((entry) => {
    const pinyin = toPinyinKeys(entry.name);
    return {
      name: entry.name,
      paper: entry.paper,
      count: entry.count,
      roles: [...entry.roles].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count),
      firstDate: entry.first,
      lastDate: entry.last,
      pinyin,
      sortKey: toPinyinSortKey(entry.name, pinyin),
    };
  });
}

export const AUTHOR_SORTS = ["name", "count", "first", "last"] as const;
export type AuthorSort = (typeof AUTHOR_SORTS)[number];
export type AuthorDirectoryQuery = { q: string; sort: AuthorSort; role: string | null; paper: string | null; page: number; size: number };

const COMPARATORS: Record<AuthorSort, (a: AuthorEntry, b: AuthorEntry) => number> = {
  name: (a, b) => a.sortKey.localeCompare(b.sortKey) || a.paper.localeCompare(b.paper),
  count: (a, b) => b.count - a.count || a.sortKey.localeCompare(b.sortKey),
  first: (a, b) => (a.firstDate ?? "9999").localeCompare(b.firstDate ?? "9999") || a.sortKey.localeCompare(b.sortKey),
  last: (a, b) => (b.lastDate ?? "").localeCompare(a.lastDate ?? "") || a.sortKey.localeCompare(b.sortKey),
};

export function queryAuthorDirectory(entries: readonly AuthorEntry[], query: AuthorDirectoryQuery): { total: number; items: AuthorEntry[] } {
  const matching = entries.filter(
    (entry) =>
      matchesAuthorQuery(entry.name, query.q, entry.pinyin) &&
      (!query.role || entry.roles.some((role) => role.role === query.role)) &&
      (!query.paper || entry.paper === query.paper),
  );
  matching.sort(COMPARATORS[query.sort]);
  const start = (query.page - 1) * query.size;
  return { total: matching.length, items: matching.slice(start, start + query.size) };
}

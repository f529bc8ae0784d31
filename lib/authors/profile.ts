import type { Author } from "@/lib/article/types";
import { NO_ROLE } from "./directory";

/** What an author page shows about one person of one paper, computed from their articles. */
export type ProfileRecord = { id: string; date: string | null; bylines: Author[]; topics: string[] };

export type AuthorProfile = {
  name: string;
  paper: string;
  count: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Articles per month, in time order: YYYY-MM. */
  timeline: Array<{ month: string; count: number }>;
  /** Roles per year, in time order. */
  rolesByYear: Array<{ year: string; roles: Array<{ role: string; count: number }> }>;
  coAuthors: Array<{ name: string; count: number }>;
  topics: Array<{ topic: string; count: number }>;
};

function countInto(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedCounts(map: Map<string, number>): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function buildAuthorProfile(name: string, paper: string, records: readonly ProfileRecord[]): AuthorProfile {
  const months = new Map<string, number>();
  const yearRoles = new Map<string, Map<string, number>>();
  const coAuthors = new Map<string, number>();
  const topics = new Map<string, number>();
  const dates: string[] = [];
  for (const record of records) {
    if (record.date) {
      dates.push(record.date);
      countInto(months, record.date.slice(0, 7));
    }
    const year = record.date?.slice(0, 4) ?? "日期不详";
    const roles = yearRoles.get(year) ?? new Map<string, number>();
    yearRoles.set(year, roles);
    for (const role of new Set(record.bylines.filter((author) => author.name === name).map((author) => author.role ?? NO_ROLE))) {
      countInto(roles, role);
    }
    for (const other of new Set(record.bylines.map((author) => author.name))) if (other !== name) countInto(coAuthors, other);
    for (const topic of record.topics) countInto(topics, topic);
  }
  dates.sort();
  return {
    name,
    paper,
    count: records.length,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    timeline: [...months].sort((a, b) => a[0].localeCompare(b[0])).map(([month, count]) => ({ month, count })),
    rolesByYear: [...yearRoles]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([year, roles]) => ({ year, roles: sortedCounts(roles).map(([role, count]) => ({ role, count })) })),
    coAuthors: sortedCounts(coAuthors).map(([coAuthor, count]) => ({ name: coAuthor, count })),
    topics: sortedCounts(topics).map(([topic, count]) => ({ topic, count })),
  };
}

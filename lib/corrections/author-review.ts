import type { AuthorEntry } from "@/lib/authors/directory";
import { normalizeCompact } from "@/lib/text/normalize";

/**
 * Authors a librarian should look at: one person whose name is printed in several forms
 * (Traditional and Simplified, a middle dot or a space inside a name) and so counted as two,
 * and one name that probably covers two people (a staff reporter and an outside
 * correspondent of the same paper, or bylines further apart than a working life).
 */

export type AuthorSuspect =
  | { kind: "split"; paper: string; names: string[]; count: number }
  | { kind: "merged"; paper: string; name: string; count: number; why: string };

const STAFF_ROLES = new Set(["记者", "见习记者", "特约记者", "评论员"]);
const OUTSIDE_ROLES = new Set(["通讯员", "特约通讯员"]);
const WORKING_LIFE_YEARS = 45;

/** The name as a person would say it: width, script, case, spaces and dots folded. */
export function toNameKey(name: string): string {
  return normalizeCompact(name).replace(/[·•・．.\s]/gu, "");
}

export function findAuthorSuspects(entries: readonly AuthorEntry[], limit = 50): AuthorSuspect[] {
  const groups = new Map<string, AuthorEntry[]>();
  for (const entry of entries) {
    const key = `${entry.paper}\u0000${toNameKey(entry.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const split: AuthorSuspect[] = [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ kind: "split" as const, paper: group[0]!.paper, names: group.map((entry) => entry.name).sort(), count: group.reduce((sum, entry) => sum + entry.count, 0) }));
  const merged: AuthorSuspect[] = entries.flatMap((entry) => {
    const why = describeMergedSign(entry);
    return why ? [{ kind: "merged" as const, paper: entry.paper, name: entry.name, count: entry.count, why }] : [];
  });
  return [...split, ...merged].sort((a, b) => b.count - a.count).slice(0, limit);
}

function describeMergedSign(entry: AuthorEntry): string | null {
  const roles = entry.roles.map((role) => role.role);
  const staff = roles.filter((role) => STAFF_ROLES.has(role));
  const outside = roles.filter((role) => OUTSIDE_ROLES.has(role));
  if (staff.length > 0 && outside.length > 0) return `既署“${staff[0]}”又署“${outside[0]}”：可能是同名的两个人`;
  if (entry.firstDate && entry.lastDate) {
    const years = Number(entry.lastDate.slice(0, 4)) - Number(entry.firstDate.slice(0, 4));
    if (years > WORKING_LIFE_YEARS) return `署名跨 ${years} 年（${entry.firstDate} 至 ${entry.lastDate}）：可能是同名的两个人`;
  }
  return null;
}

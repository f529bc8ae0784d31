import type { Author, Credit } from "@/lib/article/types";

/** What a byline or credit line names: authors with their normalised roles, and credits that are not authorship. */
export type BylineReading = { authors: Author[]; credits: Credit[] };

/** Byline and credit lines are short; a longer line is text that merely mentions a role. */
export const MAX_BYLINE_LINE_LENGTH = 80;

/** One entry per role and name, in order. */
export function dedupeCredits(credits: readonly Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${credit.role}\u0000${credit.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One entry per name and role, in order; a name printed without a role is dropped when the same
 * name has one (the dateline's 记者 张三 and a closing （张三）). Every parser's last step.
 */
export function dedupeAuthors(authors: readonly Author[]): Author[] {
  const withRole = new Set(authors.filter((author) => author.role !== null).map((author) => author.name));
  const seen = new Set<string>();
  return authors.filter((author) => {
    const key = `${author.name}\u0000${author.role ?? ""}`;
    if (seen.has(key) || (author.role === null && withRole.has(author.name))) return false;
    seen.add(key);
    return true;
  });
}

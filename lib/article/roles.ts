import { AUTHOR_ROLES, type AuthorRole } from "./types";

/**
 * Byline role words as printed, longest first, mapped to the normalised role.
 * 本报记者/新华社记者 are 记者; 摄影报道/摄/文/摄 are 摄影 (文/摄 also wrote the text,
 * which the parser records by giving the writer no separate photo credit).
 */
const ROLE_ALIASES: ReadonlyArray<readonly [string, AuthorRole]> = [
  ["本报见习记者", "见习记者"],
  ["见习记者", "见习记者"],
  ["本报特约记者", "特约记者"],
  ["特约记者", "特约记者"],
  ["本报记者", "记者"],
  ["新华社记者", "记者"],
  ["人民日报记者", "记者"],
  ["记者", "记者"],
  ["特约通讯员", "特约通讯员"],
  ["本报通讯员", "通讯员"],
  ["通讯员", "通讯员"],
  ["摄影报道", "摄影"],
  ["摄影", "摄影"],
  ["摄", "摄影"],
  ["本报评论员", "评论员"],
  ["评论员", "评论员"],
  ["责任编辑", "编辑"],
  ["编辑", "编辑"],
  ["撰稿", "撰稿"],
  ["编译", "编译"],
  ["作者", "作者"],
];

/** Normalises a printed role word (本报记者 → 记者); null when it is not an author role. */
export function normalizeRole(printed: string): AuthorRole | null {
  const word = printed.trim();
  for (const [alias, role] of ROLE_ALIASES) if (word === alias) return role;
  return null;
}

/** Printed role words, longest first, for parsers that scan bylines. */
export const PRINTED_ROLE_WORDS: readonly string[] = ROLE_ALIASES.map(([alias]) => alias);

export function isAuthorRole(value: string): value is AuthorRole {
  return (AUTHOR_ROLES as readonly string[]).includes(value);
}

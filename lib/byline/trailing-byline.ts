import { normalizeRole, PRINTED_ROLE_WORDS } from "@/lib/article/roles";
import type { Author, AuthorRole } from "@/lib/article/types";
import { hasChineseSurname, hasPenNameShape, isPersonName } from "./names";
import { PHOTO_ROLE_WORDS, WORK_MARKER } from "./role-words";

/**
 * Bylines printed at the end of OCR'd newspaper articles — the strict grammar for OCR text (typeset
 * papers' bylines, with spaced names and organisation prefixes, are `typeset-byline.ts`):
 *
 *   （何宝国）  (李静)  （赵静茹、邢雪丽）          parenthesised names, roles optional
 *   见习记者 孙佳敏 通讯员 孟涛 文/摄           role words before the names they qualify
 *   李学军 杨晓勇 摄影报道                      photo words after the names they qualify
 *
 * The parser is deliberately strict — every token must be a role word, a 文/摄-style
 * marker or a 2–4 character Han name — because a false byline ends an article early,
 * which costs more than a missed one (that only leaves the byline text in the body).
 */

/**
 * `penNames`: also take parenthesised names whose surname is not on the list (pen names such as
 * 羽生 and 实思, rare surnames such as 丛, names without a surname such as 扎西) — two or three Han
 * characters. Column tags (（暖相册）（说道）) have the same shape, so callers ask for this only
 * where the parenthesis is known to end an article (see the OCR page reader).
 */
export type BylineOptions = { penNames?: boolean };

export type PrintedByline = {
  /** The byline exactly as printed, e.g. `(李静)` or `见习记者 孙佳敏 通讯员 孟涛 文/摄`. */
  printed: string;
  authors: Author[];
};

const SENTENCE_END = /[。！？!?；;…][”’"'」』）)]*$/u;
const TRAILING_PARENS = /[(（]([^()（）]+)[)）]$/u;
const TOKEN_SEPARATORS = /[\s、，,]+/u;

type RoleToken = { role: AuthorRole; photo: boolean };
type NameToken = { name: string };
type Token = RoleToken | NameToken | { marker: true };

/** Parses a line that holds nothing but a byline; null when the line is not one. */
export function parseBylineLine(line: string, options: BylineOptions = {}): PrintedByline | null {
  const printed = line.trim();
  const parenthesised = /^[(（]([^()（）]+)[)）]$/u.exec(printed);
  const authors = parenthesised
    ? parseBylineWords(parenthesised[1] ?? "", { bare: false, penNames: options.penNames ?? false })
    : parseBylineWords(printed, { bare: true, penNames: false });
  return authors ? { printed, authors } : null;
}

/**
 * Splits a byline off the end of a paragraph (`…提升竞争力。(李静)`). The text before it must
 * end a sentence, so a parenthesis that closes a phrase (`国投晋创谷(太原)`) is never taken.
 */
export function splitTrailingByline(
  paragraph: string,
  options: BylineOptions = {},
): { text: string; byline: PrintedByline } | null {
  const trimmed = paragraph.trimEnd();
  return splitParenthesisedTail(trimmed, options.penNames ?? false) ?? splitBareTail(trimmed);
}

/** True when the text ends a sentence (。！？；… possibly followed by closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

function splitParenthesisedTail(paragraph: string, penNames: boolean): { text: string; byline: PrintedByline } | null {
  const match = TRAILING_PARENS.exec(paragraph);
  if (!match) return null;
  const text = paragraph.slice(0, match.index).trimEnd();
  if (!text || !endsSentence(text)) return null;
  const authors = parseBylineWords(match[1] ?? "", { bare: false, penNames });
  return authors ? { text, byline: { printed: match[0], authors } } : null;
}

function splitBareTail(paragraph: string): { text: string; byline: PrintedByline } | null {
  const lastEnd = findLastSentenceEnd(paragraph);
  if (lastEnd <= 0 || lastEnd >= paragraph.length) return null;
  const tail = paragraph.slice(lastEnd).trim();
  const authors = parseBylineWords(tail, { bare: true, penNames: false });
  return authors ? { text: paragraph.slice(0, lastEnd).trimEnd(), byline: { printed: tail, authors } } : null;
}

/** Index just past the last sentence end (including closing quotes), or -1. */
function findLastSentenceEnd(text: string): number {
  const pattern = /[。！？!?][”’"'」』）)]*/gu;
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/**
 * Parses the words of a byline into authors, or null when any word is not a role, marker or
 * name. What else must hold depends on how much the words themselves say "byline":
 * - bare (unparenthesised) words need a role word or marker, and more than one word unless it is
 *   a `…摄影报道` credit, so that ordinary short lines are never taken;
 * - parenthesised words without a role word need every name to have a known surname, or — when
 *   the caller allows pen names — to be two or three characters.
 */
function parseBylineWords(body: string, options: { bare: boolean; penNames: boolean }): Author[] | null {
  const words = body.trim().split(TOKEN_SEPARATORS).filter((word) => word.length > 0);
  const tokens: Token[] = [];
  for (const word of words) {
    const wordTokens = tokenizeBylineWord(word);
    if (!wordTokens) return null;
    tokens.push(...wordTokens);
  }
  const names = tokens.filter(isNameToken);
  const hasRole = tokens.some(isRoleToken);
  if (names.length === 0) return null;
  if (options.bare && !isConvincingBareByline(words, tokens)) return null;
  const isNameEnough = (name: string) => hasChineseSurname(name) || (options.penNames && hasPenNameShape(name));
  if (!hasRole && !names.every((token) => isNameEnough(token.name))) return null;
  return assignRoles(tokens);
}

function isConvincingBareByline(words: readonly string[], tokens: readonly Token[]): boolean {
  if (!tokens.some((token) => !isNameToken(token))) return false;
  return words.length > 1 || (words[0] ?? "").endsWith("摄影报道");
}

/**
 * One printed word → tokens: a marker, a role, a name with a photo word glued after it
 * (严贵旺摄影报道, 张武军摄), a name, or a role glued before a name (记者王昊男) — the last only
 * with a known surname, since 记者手记 and 作者为钢琴家 have the same shape.
 */
function tokenizeBylineWord(word: string): Token[] | null {
  if (WORK_MARKER.test(word)) return [{ marker: true }];
  const role = toRoleToken(word);
  if (role) return [role];
  return splitGluedPhotoWord(word) ?? (isPersonName(word) ? [{ name: word }] : splitGluedRoleWord(word));
}

function splitGluedPhotoWord(word: string): Token[] | null {
  for (const photoWord of PHOTO_ROLE_WORDS) {
    const name = word.endsWith(photoWord) ? word.slice(0, -photoWord.length) : "";
    const role = toRoleToken(photoWord);
    if (role && isPersonName(name)) return [{ name }, role];
  }
  return null;
}

function splitGluedRoleWord(word: string): Token[] | null {
  for (const roleWord of PRINTED_ROLE_WORDS) {
    const name = word.startsWith(roleWord) ? word.slice(roleWord.length) : "";
    const role = toRoleToken(roleWord);
    if (role && isPersonName(name) && hasChineseSurname(name)) return [role, { name }];
  }
  return null;
}

function toRoleToken(word: string): RoleToken | null {
  const role = normalizeRole(word);
  return role ? { role, photo: PHOTO_ROLE_WORDS.has(word) } : null;
}

function isNameToken(token: Token): token is NameToken {
  return "name" in token;
}

function isRoleToken(token: Token): token is RoleToken {
  return "role" in token;
}

/**
 * Gives each name its role. A role word qualifies the names after it (见习记者 孙佳敏 通讯员 孟涛),
 * except that a photo word, or a role word with no name after it, qualifies the names before it
 * that have none yet (李学军 杨晓勇 摄影报道, 何鼎鼎 本报评论员). Markers (文/摄) change nothing.
 */
function assignRoles(tokens: readonly Token[]): Author[] {
  const authors: Author[] = [];
  let prefixRole: AuthorRole | null = null;
  let unqualified: Author[] = [];
  tokens.forEach((token, index) => {
    if (isNameToken(token)) {
      const author: Author = { name: token.name, role: prefixRole };
      authors.push(author);
      if (prefixRole === null) unqualified.push(author);
      return;
    }
    if (!isRoleToken(token)) return;
    const namesFollow = tokens.slice(index + 1).some(isNameToken);
    if (unqualified.length > 0 && (token.photo || !namesFollow)) {
      for (const author of unqualified) author.role = token.role;
      prefixRole = null;
    } else {
      prefixRole = token.role;
    }
    unqualified = [];
  });
  return authors;
}

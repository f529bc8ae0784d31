import { normalizeRole, PRINTED_ROLE_WORDS } from "@/lib/article/roles";
import type { Author, AuthorRole } from "@/lib/article/types";

/**
 * Bylines printed at the end of OCR'd newspaper articles:
 *
 *   （何宝国）  (李静)  （赵静茹、邢雪丽）          parenthesised names, roles optional
 *   见习记者 孙佳敏 通讯员 孟涛 文/摄           role words before the names they qualify
 *   李学军 杨晓勇 摄影报道                      photo words after the names they qualify
 *
 * The parser is deliberately strict — every token must be a role word, a 文/摄-style
 * marker or a 2–4 character Han name — because a false byline ends an article early,
 * which costs more than a missed one (that only leaves the byline text in the body).
 */

export type PrintedByline = {
  /** The byline exactly as printed, e.g. `(李静)` or `见习记者 孙佳敏 通讯员 孟涛 文/摄`. */
  printed: string;
  authors: Author[];
};

/** Photo words follow the names they credit (张三 摄); every other role word precedes them. */
const PHOTO_ROLE_WORDS: ReadonlySet<string> = new Set(["摄影报道", "摄影", "摄"]);

/** Markers such as 文/摄 (wrote and photographed): they add no role, the writer keeps the printed one. */
const WORK_MARKER = /^(?:文|图|摄)(?:[/／](?:文|图|摄))+$/u;

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
/** Transliterated names, e.g. 阿依古丽·买买提. */
const DOTTED_NAME = /^\p{Script=Han}{1,8}(?:[·・•‧]\p{Script=Han}{1,8})+$/u;
const MAX_DOTTED_NAME_CHARS = 16;

/** Parenthesised words that look like names by shape but are editorial notes. */
const NON_NAMES: ReadonlySet<string> = new Set([
  "待续", "未完", "未完待续", "续完", "下同", "同上", "综合", "摘编", "编者", "编者按",
  "图片", "资料图", "供图", "附图", "特稿", "专稿", "全文", "原文", "节选", "有删节",
]);
/** Starts of parenthesised notes: （据新华社）（下转第二版）（以下简称…）（本报综合）. */
const NON_NAME_START = /^(?:据|转|接|见|详|注|上接|下转|以下|以上|本报|来源)/u;

const SENTENCE_END = /[。！？!?；;…][”’"'」』）)]*$/u;
const TRAILING_PARENS = /[(（]([^()（）]+)[)）]$/u;
const TOKEN_SEPARATORS = /[\s、，,]+/u;

type Token = { role: AuthorRole | null; photo: boolean } | { name: string } | { marker: true };

/** Parses a line that holds nothing but a byline; null when the line is not one. */
export function parseBylineLine(line: string): PrintedByline | null {
  const printed = line.trim();
  const parenthesised = /^[(（]([^()（）]+)[)）]$/u.exec(printed);
  const authors = parenthesised
    ? parseBylineWords(parenthesised[1] ?? "", { requireRole: false })
    : parseBylineWords(printed, { requireRole: true });
  return authors ? { printed, authors } : null;
}

/**
 * Splits a byline off the end of a paragraph (`…提升竞争力。(李静)`). The text before it must
 * end a sentence, so a parenthesis that closes a phrase (`国投晋创谷(太原)`) is never taken.
 */
export function splitTrailingByline(paragraph: string): { text: string; byline: PrintedByline } | null {
  const trimmed = paragraph.trimEnd();
  return splitParenthesisedTail(trimmed) ?? splitBareTail(trimmed);
}

/** True when the text ends a sentence (。！？；… possibly followed by closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

function splitParenthesisedTail(paragraph: string): { text: string; byline: PrintedByline } | null {
  const match = TRAILING_PARENS.exec(paragraph);
  if (!match) return null;
  const text = paragraph.slice(0, match.index).trimEnd();
  if (!text || !endsSentence(text)) return null;
  const authors = parseBylineWords(match[1] ?? "", { requireRole: false });
  return authors ? { text, byline: { printed: match[0], authors } } : null;
}

function splitBareTail(paragraph: string): { text: string; byline: PrintedByline } | null {
  const lastEnd = findLastSentenceEnd(paragraph);
  if (lastEnd <= 0 || lastEnd >= paragraph.length) return null;
  const tail = paragraph.slice(lastEnd).trim();
  const authors = parseBylineWords(tail, { requireRole: true });
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
 * name. A bare (unparenthesised) byline must show a role or marker and be more than a single
 * word unless it is a `…摄影报道` credit, so that ordinary short lines are never mistaken for one.
 */
function parseBylineWords(body: string, options: { requireRole: boolean }): Author[] | null {
  const words = body.trim().split(TOKEN_SEPARATORS).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const tokens: Token[] = [];
  for (const word of words) {
    const wordTokens = tokenizeBylineWord(word);
    if (!wordTokens) return null;
    tokens.push(...wordTokens);
  }
  if (options.requireRole && !isConvincingBareByline(words, tokens)) return null;
  const authors = assignRoles(tokens);
  return authors.length > 0 ? authors : null;
}

function isConvincingBareByline(words: readonly string[], tokens: readonly Token[]): boolean {
  const hasRoleOrMarker = tokens.some((token) => !("name" in token));
  if (!hasRoleOrMarker) return false;
  return words.length > 1 || (words[0] ?? "").endsWith("摄影报道");
}

/** One printed word → tokens: a role, a marker, a name, or a name with a role glued on (记者王昊男, 严贵旺摄影报道). */
function tokenizeBylineWord(word: string): Token[] | null {
  if (WORK_MARKER.test(word)) return [{ marker: true }];
  const role = toRoleToken(word);
  if (role) return [role];
  if (isPersonName(word)) return [{ name: word }];
  for (const roleWord of PRINTED_ROLE_WORDS) {
    if (word.startsWith(roleWord) && isPersonName(word.slice(roleWord.length))) {
      return [toRoleToken(roleWord)!, { name: word.slice(roleWord.length) }];
    }
    if (PHOTO_ROLE_WORDS.has(roleWord) && word.endsWith(roleWord) && isPersonName(word.slice(0, -roleWord.length))) {
      return [{ name: word.slice(0, -roleWord.length) }, toRoleToken(roleWord)!];
    }
  }
  return null;
}

function toRoleToken(word: string): Token | null {
  const role = normalizeRole(word);
  return role ? { role, photo: PHOTO_ROLE_WORDS.has(word) } : null;
}

export function isPersonName(word: string): boolean {
  if (NON_NAMES.has(word) || NON_NAME_START.test(word)) return false;
  if (HAN_NAME.test(word)) return true;
  return DOTTED_NAME.test(word) && [...word].length <= MAX_DOTTED_NAME_CHARS;
}

/**
 * Gives each name its role: a role word qualifies the names after it; a photo word right after
 * names that have no role yet qualifies those names instead (李学军 杨晓勇 摄影报道).
 */
function assignRoles(tokens: readonly Token[]): Author[] {
  const authors: Author[] = [];
  let prefixRole: AuthorRole | null = null;
  let unqualified: Author[] = [];
  for (const token of tokens) {
    if ("marker" in token) continue;
    if ("name" in token) {
      const author: Author = { name: token.name, role: prefixRole };
      authors.push(author);
      if (prefixRole === null) unqualified.push(author);
    } else if (token.photo && unqualified.length > 0) {
      for (const author of unqualified) author.role = token.role;
      unqualified = [];
      prefixRole = null;
    } else {
      prefixRole = token.role;
      unqualified = [];
    }
  }
  return authors;
}

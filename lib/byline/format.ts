import { normalizeRole, PRINTED_ROLE_WORDS } from "@/lib/article/roles";
import type { Author, AuthorRole } from "@/lib/article/types";
import { REPORTER_ROLES } from "./role-words";

/**
 * How papers PRINT bylines, datelines and credits. Each function returns the printed text and,
 * for bylines, the authors a reader of that text finds — with the role the printed form states
 * (null when it states none), normalised as `normalizeRole` does — so a page printer can never
 * print one thing and expect another. The parsing grammar lives apart (lib/byline/ parse files);
 * nothing here guesses.
 */

export type FormattedByline = { text: string; authors: Author[] };

/** Full-width （） as most papers print them, or ASCII () as OCR often returns them. */
export type Brackets = "full" | "ascii";

/** Whose staff a role word names: 本报记者, 新华社记者, or the bare 记者. */
export type Organisation = "本报" | "新华社" | null;

/** Printed words per normalised role, longest first (本报记者, 新华社记者, 人民日报记者, 记者). */
function printedWordsFor(role: AuthorRole): string[] {
  return PRINTED_ROLE_WORDS.filter((word) => normalizeRole(word) === role);
}

/** Whether the author can be printed in a role byline (记者 张三, 本报通讯员 李四). */
export function hasReporterRole(author: Author): boolean {
  return author.role !== null && REPORTER_ROLES.has(author.role);
}

/** The printed role word: the organisation's own word when the role has one (本报记者), else the bare role. */
export function printRoleWord(role: AuthorRole, organisation: Organisation = null): string {
  const words = printedWordsFor(role);
  const owned = organisation === null ? undefined : words.find((word) => word === `${organisation}${role}`);
  return owned ?? words.find((word) => word === role) ?? role;
}

/**
 * 记者 王昊男 李红梅 通讯员 孟涛: each role word once, before its names. Authors without a
 * reporter role are printed as bare names and found without a role.
 */
export function formatRoleByline(authors: readonly Author[], organisation: Organisation = null): FormattedByline {
  const parts: string[] = [];
  let current: AuthorRole | null = null;
  const found: Author[] = [];
  for (const author of authors) {
    const role = hasReporterRole(author) ? author.role : null;
    if (role !== null && role !== current) parts.push(printRoleWord(role, organisation));
    parts.push(author.name);
    current = role;
    found.push({ name: author.name, role });
  }
  return { text: parts.join(" "), authors: found };
}

export function wrapInBrackets(text: string, brackets: Brackets): string {
  return brackets === "full" ? `（${text}）` : `(${text})`;
}

/** 王昊男、李红梅: names only, so no role is stated. */
export function formatNames(names: readonly string[]): FormattedByline {
  return { text: names.join("、"), authors: names.map((name) => ({ name, role: null })) };
}

/** （王昊男、李红梅） or (王昊男、李红梅). */
export function formatParenByline(names: readonly string[], brackets: Brackets): FormattedByline {
  const byline = formatNames(names);
  return { ...byline, text: wrapInBrackets(byline.text, brackets) };
}

/** A pen name on its own line under a headline: （海客）. */
export function formatPenName(name: string, brackets: Brackets): FormattedByline {
  return formatParenByline([name], brackets);
}

/** 2月21日 from 2020-02-21 (the paper's own style: no leading zeros, no year). */
export function formatMonthDay(isoDate: string): string {
  const [, month, day] = isoDate.split("-").map(Number);
  return `${month}月${day}日`;
}

/** 2020年2月14日 from 2020-02-14: the date line under a letter or speech, or a page header. */
export function formatFullDate(isoDate: string): string {
  const year = isoDate.slice(0, 4);
  return `${year}年${formatMonthDay(isoDate)}`;
}

/** 新华社北京4月30日电 / 本报上海2月3日电. */
export function formatDateline(organisation: Exclude<Organisation, null>, place: string, isoDate: string): string {
  return `${organisation}${place}${formatMonthDay(isoDate)}电`;
}

/**
 * A dateline that carries the byline: 本报北京2月21日电（记者 王昊男、李红梅）, or with names only,
 * 新华社北京2月13日电（朱鸿亮、周娜）.
 */
export function formatOpeningByline(dateline: string, byline: FormattedByline, brackets: Brackets): FormattedByline {
  return { text: `${dateline}${wrapInBrackets(byline.text, brackets)}`, authors: byline.authors };
}

/** Role-byline names joined with 、 under one role word, as datelines print them: 记者 王昊男、李红梅. */
export function formatListedRoleByline(authors: readonly Author[], organisation: Organisation = null): FormattedByline {
  const groups: Array<{ role: AuthorRole | null; names: string[] }> = [];
  for (const author of authors) {
    const role = hasReporterRole(author) ? author.role : null;
    const last = groups.at(-1);
    if (last && last.role === role) last.names.push(author.name);
    else groups.push({ role, names: [author.name] });
  }
  const text = groups.map((group) => `${group.role === null ? "" : `${printRoleWord(group.role, organisation)} `}${group.names.join("、")}`).join(" ");
  return { text, authors: groups.flatMap((group) => group.names.map((name) => ({ name, role: group.role }))) };
}

export type PhotoCreditStyle =
  /** 张三 摄 */
  | "spaced"
  /** 张三摄 */
  | "glued"
  /** 张三 李四 摄影报道 */
  | "report";

/** 张三 摄 / 新华社记者 张三摄 / 张三 李四 摄影报道: every name is found as a photographer (摄 → 摄影). */
export function formatPhotoCredit(names: readonly string[], style: PhotoCreditStyle, organisation: Organisation = null): FormattedByline {
  const suffix = style === "report" ? "摄影报道" : "摄";
  const role = normalizeRole(suffix);
  const staff = organisation === null ? "" : `${printRoleWord("记者", organisation)} `;
  const joined = names.join(" ");
  const text = style === "spaced" ? `${staff}${joined} ${suffix}` : `${staff}${joined}${style === "report" && names.length > 1 ? " " : ""}${suffix}`;
  return { text, authors: names.map((name) => ({ name, role })) };
}

/** 版式设计：李四 — a page credit; it names no author. */
export function formatPageCredit(label: string, names: readonly string[], colon: "：" | ":" = "："): string {
  return `${label}${colon}${names.join(" ")}`;
}

/** The signature closing a letter or speech: the signer or organisation, found without a role. */
export function formatSignature(signers: readonly string[]): FormattedByline {
  return { text: signers.join(" "), authors: signers.map((name) => ({ name, role: null })) };
}

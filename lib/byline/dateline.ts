/**
 * Datelines: the words that open a report and say who filed it, from where and when.
 *
 *   本报讯                          本报电   据新华社电               undated
 *   本报北京2月21日电               新华社北京4月30日专电     据新华社华盛顿2月12日电
 *   本报北京二月二十一日电          人民日报北京…电           本报北京、华盛顿、开罗电 (several places)
 *
 * The byline often follows in parentheses: 本报北京2月21日电 （记者 王昊男）. Long reports may
 * print the dateline at their end instead: （本报印度金奈10月10日电）, read by typeset-byline.ts
 * through matchDateline inside the parenthesis.
 */

const HAN = "\\p{Script=Han}";
const AGENCY = "本报|新华社|人民日报";
const NUMBER = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";

/**
 * One pattern for every opening dateline; group 1 is the place, group 2 the date. A place never
 * holds 记者, and without a date the 电 must stand alone (followed by a space, a bracket or the
 * end), or prose such as 本报记者从国家电网… and 新华社电视台开播 would be taken.
 */
export const DATELINE = new RegExp(
  `^据?(?:本报讯|(?:${AGENCY})((?:(?!记者)[${HAN}·、]){0,80}?)(?:(${NUMBER}月${NUMBER}日)专?电|电(?=[\\s（(）)]|$)))`,
  "u",
);

/** The parenthesis printed right after a dateline, holding its byline: （记者 王昊男）. */
export const OPENING_BYLINE = /^(\s*)[（(]([^（）()]{1,120})[）)]/u;

export type Dateline = {
  /** As printed: 本报北京2月21日电, 据新华社华盛顿2月12日电, 本报讯. */
  printed: string;
  /** 北京, or 北京、华盛顿 for several; null when the dateline names none (本报讯, 本报电). */
  place: string | null;
  /** As printed (2月21日, 二月二十一日); null when undated. */
  date: string | null;
  /** The parenthesis right after the dateline, or null: its words are the byline to read. */
  opening: OpeningParenthesis | null;
};

export type OpeningParenthesis = {
  /** The parenthesis as printed, with the spaces before it: ` （记者 王昊男）`. */
  text: string;
  spaceBefore: string;
  /** What the parenthesis holds: `记者 王昊男`. */
  words: string;
};

/** The dateline that opens `text`, with the parenthesis printed after it; null when there is none. */
export function matchDateline(text: string): Dateline | null {
  const match = DATELINE.exec(text);
  if (!match) return null;
  const opening = OPENING_BYLINE.exec(text.slice(match[0].length));
  return {
    printed: match[0],
    place: match[1] || null,
    date: match[2] ?? null,
    opening: opening ? { text: opening[0], spaceBefore: opening[1] ?? "", words: opening[2] ?? "" } : null,
  };
}

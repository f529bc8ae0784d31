import { squash } from "@/lib/text/squash";
import { readNames } from "./name-list";
import type { BylineReading } from "./reading";
import { startsWithSurname } from "./surnames";

/**
 * Signatures: names printed without any role word, trusted only where the layout says an item
 * ends (a letter's or short item's last line) or, for an opinion piece, above its text.
 */

const HAN = "\\p{Script=Han}";
const LETTER_SIGNATURE = new RegExp(`^([${HAN}]{2,12}(?:省|市|县|区|州|旗|盟|镇|乡|村))[\\s\\u00a0\\u3000]+(.+)$`, "u");
/** A bare parenthesised signature names one to three people of two to four characters. */
const MAX_SIGNATURE_NAMES = 3;
const MAX_NAME_LINE_CHARS = 9;
/** （作者为中央党校教授）（作者单位：…）: who the author is, printed where a signature could be. */
const AUTHOR_NOTE_WORDS = /^作者(?:为|单位|系|是|：|:)/u;

/** Readers' letters end with place and name: 浙江桐乡市  姚孝平. Only the name is an author. */
export function readLetterSignature(text: string): BylineReading | null {
  const match = LETTER_SIGNATURE.exec(text);
  const names = match ? readNames(match[2] ?? "") : null;
  if (!names || names.length !== 1) return null;
  return { authors: [{ name: names[0] ?? "", role: null }], credits: [] };
}

/** The words of a parenthesis closing a short item: （李静）（赵静茹、邢雪丽）. */
export function readParenthesisedSignature(words: string): BylineReading | null {
  const names = readNames(words);
  if (!names || names.length > MAX_SIGNATURE_NAMES || names.some((name) => [...name].length > 4)) return null;
  return { authors: names.map((name) => ({ name, role: null })), credits: [] };
}

/**
 * The author's name on its own line above an opinion piece (which closes with （作者为…）): one
 * name of two to four characters that starts with a surname, since nothing else marks it.
 */
export function isAuthorNameLine(text: string): boolean {
  const names = squash(text).length <= MAX_NAME_LINE_CHARS ? readNames(text) : null;
  const name = names?.length === 1 ? (names[0] ?? "") : "";
  return [...name].length >= 2 && [...name].length <= 4 && startsWithSurname(name);
}

/** The names of an author name line, as 作者. */
export function readAuthorNameLine(text: string): BylineReading {
  return { authors: (readNames(text) ?? []).map((name) => ({ name, role: "作者" })), credits: [] };
}

/** A paragraph that is a note on the author, （作者为…）: it marks an opinion piece and names nobody. */
export function isAuthorNote(paragraph: string): boolean {
  return /^[（(]/u.test(paragraph) && startsWithAuthorNote(paragraph.slice(1));
}

/** The words inside such a note: 作者为…, 作者单位：…. */
export function startsWithAuthorNote(words: string): boolean {
  return AUTHOR_NOTE_WORDS.test(words);
}

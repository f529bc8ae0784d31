import { toMatchText } from "./exact-match";

/**
 * The token stream the index holds in its `*Chars` fields: one token per
 * normalised character, each spelled in lower-case letters (中 → `bkkj`).
 *
 * Why letters: Meilisearch's tokenizer normalises what it reads (é → e,
 * 告/吿, 德/徳, 龙/竜 fold together; measured on this corpus: 60 of 6,037
 * characters) and segments CJK with jieba. A token made of ASCII letters
 * passes through unchanged, so the engine matches exactly the characters our
 * own normalisation (lib/search/exact-match.ts) produced, and nothing else.
 *
 * - A code point in the BMP is 4 letters whose first is a–d; others are 5
 *   letters whose first is e–g. The code is prefix-free and no code starts
 *   with z, so separators and future markers cannot collide with a character.
 * - Whitespace is dropped (OCR breaks words with stray spaces); punctuation
 *   is a character like any other, so 2691.06 never matches 269106.
 * - Paragraphs are separated by ` . `, a hard separator for the engine: words
 *   on either side are 8 positions apart and form no word pair, so no phrase
 *   matches across a paragraph break.
 * Every token takes one engine position (8 after a paragraph break), and the
 * engine silently ignores words at position 65,535 and beyond in a field. The
 * longest body in the corpus (27,637 characters) uses under half of that, but
 * archives can hold longer texts: the stored field is made by coded-chunks.ts,
 * which splits a text of more than 60,000 positions into overlapping chunks in
 * fields of their own (`bodyChars`, `bodyChars.c1`, …), so nothing is dropped.
 */

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const BMP_END = 0x10000;
const PARAGRAPH_SEPARATOR = " . ";

function toLetters(value: number, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = (LETTERS[rest % 26] ?? "") + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** The token of one character (one code point). */
export function encodeChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < BMP_END) return (LETTERS[codePoint >> 14] ?? "") + toLetters(codePoint & 0x3fff, 3);
  const offset = codePoint - BMP_END;
  return (LETTERS[4 + Math.floor(offset / 26 ** 4)] ?? "") + toLetters(offset % 26 ** 4, 4);
}

/** The indexed form of a field's text (stored through toCodedCharFields in coded-chunks.ts). */
export function toCodedCharText(original: string): string {
  return toMatchText(original)
    .split("\n")
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => Array.from(paragraph, encodeChar).join(" "))
    .join(PARAGRAPH_SEPARATOR);
}

/** A term in matching form (see toMatchTerm) as a quoted phrase over the coded tokens. */
export function toCodedPhrase(matchTerm: string): string {
  return `"${Array.from(matchTerm, encodeChar).join(" ")}"`;
}

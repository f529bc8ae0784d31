import { Converter } from "opencc-js";

/**
 * Search normalisation: NFKC, Traditional → Simplified, lower case — applied
 * identically to indexed text and to queries, one code point at a time so that
 * every normalised character maps back to a span of the original (highlights
 * are drawn on the text as printed).
 */

const toSimplified = Converter({ from: "t", to: "cn" });
const charCache = new Map<string, string>();

/** Normalises one code point; the result may be empty or longer (NFKC of ㎡ is m2). */
export function normalizeChar(char: string): string {
  const cached = charCache.get(char);
  if (cached !== undefined) return cached;
  let out = char.normalize("NFKC").toLowerCase();
  // Converting char by char keeps lengths aligned; phrase-level conversion would be
  // more faithful but both sides of a match go through the same mapping, so it is consistent.
  if (/\p{Script=Han}/u.test(out)) out = toSimplified(out);
  charCache.set(char, out);
  return out;
}

/** A UTF-16 surrogate: half of a character outside the BMP, never a character alone. */
export function isSurrogateUnit(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Per BMP code unit: 0 not yet known, -1 not one BMP unit after normalising, else the normalised unit + 1. */
const singleUnits = new Int32Array(0x10000);

/**
 * The normalised form of a BMP character as one UTF-16 unit, or -1 when it is not one (removed,
 * expanded, a surrogate). The same as `normalizeChar`, looked up in a flat table: highlighting
 * normalises every character of every hit's text, and the Map lookup by string was most of its time.
 */
export function normalizeUnit(code: number): number {
  if (isSurrogateUnit(code)) return -1;
  let known = singleUnits[code]!;
  if (known === 0) {
    const out = normalizeChar(String.fromCharCode(code));
    known = out.length === 1 ? out.charCodeAt(0) + 1 : -1;
    singleUnits[code] = known;
  }
  return known < 0 ? -1 : known - 1;
}

export function normalizeText(original: string): string {
  let text = "";
  for (const char of original) text += normalizeChar(char);
  return text;
}

/** The normalised text without any whitespace: how terms and OCR lines are compared. */
export function normalizeCompact(original: string): string {
  return normalizeText(original).replace(/\s+/gu, "");
}

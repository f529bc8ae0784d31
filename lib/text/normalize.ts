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

export type NormalizedText = {
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original string of the code point it came from. */
  origins: number[];
};

export function normalizeWithOrigins(original: string): NormalizedText {
  let text = "";
  const origins: number[] = [];
  let index = 0;
  for (const char of original) {
    const normalized = normalizeChar(char);
    text += normalized;
    for (let i = 0; i < normalized.length; i++) origins.push(index);
    index += char.length;
  }
  return { text, origins };
}

export function normalizeText(original: string): string {
  let text = "";
  for (const char of original) text += normalizeChar(char);
  return text;
}

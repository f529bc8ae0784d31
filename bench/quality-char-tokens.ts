import { normalizeText } from "@/lib/text/normalize";

/**
 * Bench only, for bench/quality-schemes.ts: the earlier scheme of the
 * searchable copy (the index now uses lib/search/coded-chars.ts). One token per
 * normalised character, so that a
 * query term sent as a quoted phrase matches exactly where the term is a
 * substring (Meilisearch's own jieba split misses 小微 inside 中小微企业).
 *
 * - letters and digits (any script) become themselves, one per token;
 * - whitespace is dropped (OCR breaks words with stray spaces);
 * - every other character (punctuation, symbols) becomes a letters-only marker
 *   token such as `zzie` for ".", so that "2691.06" cannot match "269106" and
 *   Meilisearch's separators do not open gaps inside a phrase;
 * - a paragraph break becomes `zzbr`, so no phrase matches across paragraphs.
 * Markers are several letters long while real letters are single tokens, so no
 * user input can produce a marker.
 */

export const PARAGRAPH_TOKEN = "zzbr";
const HEX_TO_LETTER: Record<string, string> = {
  "0": "g", "1": "h", "2": "i", "3": "j", "4": "k", "5": "l", "6": "m", "7": "n", "8": "o", "9": "p",
};

function markerFor(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16);
  return "zz" + hex.replace(/[0-9]/g, (digit) => HEX_TO_LETTER[digit] ?? digit);
}

/** Tokens of already-normalised text, in order. */
export function tokenizeNormalized(normalized: string): string[] {
  const tokens: string[] = [];
  for (const char of normalized) {
    if (char === "\n") {
      if (tokens.length > 0 && tokens[tokens.length - 1] !== PARAGRAPH_TOKEN) tokens.push(PARAGRAPH_TOKEN);
    } else if (/\s/u.test(char)) {
      continue;
    } else if (/[\p{L}\p{N}]/u.test(char)) {
      tokens.push(char);
    } else {
      tokens.push(markerFor(char));
    }
  }
  if (tokens[tokens.length - 1] === PARAGRAPH_TOKEN) tokens.pop();
  return tokens;
}

/** The indexed form of a text: normalised, one token per character, space-separated. */
export function toCharTokenText(original: string): string {
  return tokenizeNormalized(normalizeText(original)).join(" ");
}

/**
 * A query term as a Meilisearch phrase over the char-token field, e.g. 小微 → "小 微".
 * Returns null when the term has no searchable character (only whitespace).
 */
export function toCharPhrase(term: string): string | null {
  const tokens = tokenizeNormalized(normalizeText(term).replace(/\n/g, " "));
  if (tokens.length === 0) return null;
  return `"${tokens.join(" ")}"`;
}

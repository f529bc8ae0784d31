import { encodeCharPairs, type CharPairsFile } from "@/lib/segmenter/char-pairs";
import type { CharGrams } from "./count-char-grams";

/**
 * The character-pair table of `lib/segmenter/char-pairs.ts`, counted over the body text of the
 * training months' sources (never the dev or test months): the most frequent characters, and the
 * pairs among them seen often enough and far more often than their characters' frequencies predict.
 */

export type CharPairSettings = { chars: number; minCount: number; minPmi: number };

export const DEFAULT_CHAR_PAIRS: CharPairSettings = { chars: 3000, minCount: 10, minPmi: 1 };

export function countCharPairs({ total, singles, pairs }: CharGrams, settings: CharPairSettings = DEFAULT_CHAR_PAIRS): CharPairsFile {
  // Ties broken by code point, so the same sources always give the same table.
  const ranked = [...singles]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, settings.chars)
    .map(([char]) => char);
  const rank = new Map(ranked.map((char, index) => [char, index]));
  const codes: number[] = [];
  for (const [pair, count] of pairs) {
    if (count < settings.minCount) continue;
    const [left, right] = [...pair] as [string, string];
    const a = rank.get(left);
    const b = rank.get(right);
    if (a === undefined || b === undefined) continue;
    const pmi = Math.log((count * total) / (singles.get(left)! * singles.get(right)!));
    if (pmi >= settings.minPmi) codes.push(a * ranked.length + b);
  }
  return encodeCharPairs(ranked, codes);
}

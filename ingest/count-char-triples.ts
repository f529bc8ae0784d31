import { toTripleKey, type CharTriplesFile } from "@/lib/segmenter/char-triples";
import { createPairFilter, encodePairFilter } from "@/lib/segmenter/pair-filter";
import type { CharGrams } from "./count-char-grams";

/**
 * The character-triple table of `lib/segmenter/char-triples.ts`, counted over the body text of
 * the training months' sources (never the dev or test months): triples seen at least `minCount`
 * times whose third character follows the first two far more often than its own frequency
 * predicts (ln P(c | ab) / P(c) ≥ `minPmi`).
 */

export type CharTripleSettings = { minCount: number; minPmi: number; falsePositiveRate: number };

export const DEFAULT_CHAR_TRIPLES: CharTripleSettings = { minCount: 10, minPmi: 2, falsePositiveRate: 0.001 };

export function countCharTriples({ total, singles, pairs, triples }: CharGrams, settings: CharTripleSettings = DEFAULT_CHAR_TRIPLES): CharTriplesFile {
  const kept: [string, string][] = [];
  for (const [triple, count] of triples) {
    if (count < settings.minCount) continue;
    const [first, second, third] = [...triple] as [string, string, string];
    const pmi = Math.log((count * total) / (pairs.get(first + second)! * singles.get(third)!));
    if (pmi >= settings.minPmi) kept.push(toTripleKey(first, second, third));
  }
  // The filter's bits do not depend on the order triples are added; the count fixes its size.
  return encodePairFilter(createPairFilter(kept, kept.length, settings.falsePositiveRate));
}

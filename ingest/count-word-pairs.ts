import { cutDictionaryWords } from "@/lib/segment/jieba";
import { createPairFilter, encodePairFilter } from "@/lib/segmenter/pair-filter";
import { isHanWord, type WordPairsFile } from "@/lib/segmenter/word-pairs";
import { normalizeCompact } from "@/lib/text/normalize";
import type { SourceArticle } from "./page-gen/source-article";

/**
 * The word-pair table of `lib/segmenter/word-pairs.ts`, counted over the body text of the
 * training months' sources (never the dev or test months): pairs of neighbouring Han words seen
 * at least `minCount` times and far more often than their words' frequencies predict.
 */

export type WordPairSettings = { minCount: number; minPmi: number; falsePositiveRate: number };

export const DEFAULT_WORD_PAIRS: WordPairSettings = { minCount: 5, minPmi: 1, falsePositiveRate: 0.001 };

export function countWordPairs(sources: readonly SourceArticle[], settings: WordPairSettings = DEFAULT_WORD_PAIRS): WordPairsFile {
  const singles = new Map<string, number>();
  const pairs = new Map<string, number>();
  let total = 0;
  for (const source of sources) {
    for (const block of source.blocks) {
      let previous: string | null = null;
      for (const word of cutDictionaryWords(normalizeCompact(block.text))) {
        if (!isHanWord(word)) {
          previous = null;
          continue;
        }
        total++;
        singles.set(word, (singles.get(word) ?? 0) + 1);
        if (previous !== null) {
          const key = `${previous}\u0000${word}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
        previous = word;
      }
    }
  }
  const kept: [string, string][] = [];
  for (const [key, count] of pairs) {
    if (count < settings.minCount) continue;
    const [left, right] = key.split("\u0000") as [string, string];
    const pmi = Math.log((count * total) / (singles.get(left)! * singles.get(right)!));
    if (pmi >= settings.minPmi) kept.push([left, right]);
  }
  // The filter's bits do not depend on the order pairs are added; the count fixes its size.
  return encodePairFilter(createPairFilter(kept, kept.length, settings.falsePositiveRate));
}

import { normalizeCompact } from "@/lib/text/normalize";
import type { SourceArticle } from "./page-gen/source-article";

/**
 * Characters, character pairs and character triples of the training months' body text
 * (normalised as the segmenter reads lines), counted in one pass: the pair table
 * (count-char-pairs.ts) and the triple table (count-char-triples.ts) are both made from them.
 */
export type CharGrams = { total: number; singles: Map<string, number>; pairs: Map<string, number>; triples: Map<string, number> };

export function countCharGrams(sources: readonly SourceArticle[]): CharGrams {
  const grams: CharGrams = { total: 0, singles: new Map(), pairs: new Map(), triples: new Map() };
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const source of sources) {
    for (const block of source.blocks) {
      const chars = [...normalizeCompact(block.text)];
      grams.total += chars.length;
      chars.forEach((char, at) => {
        add(grams.singles, char);
        if (at >= 1) add(grams.pairs, chars[at - 1]! + char);
        if (at >= 2) add(grams.triples, chars[at - 2]! + chars[at - 1]! + char);
      });
    }
  }
  return grams;
}

import { createRequire } from "node:module";

/**
 * nodejieba behind one door. Always cut with HMM on: without it every digit is
 * split apart ("142户" → 1/4/2/户).
 */
type Jieba = {
  cut: (text: string, hmm: boolean) => string[];
  extract: (text: string, topN: number) => Array<{ word: string; weight: number }>;
};

let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  // Loaded lazily: the dictionaries take ~0.5 s and most processes never segment.
  jieba ??= createRequire(import.meta.url)("nodejieba") as Jieba;
  return jieba;
}

export function cutWords(text: string): string[] {
  return loadJieba().cut(text, true);
}

const HAN = /\p{Script=Han}/u;

/** Top TF-IDF keywords: words of two or more characters with at least one Han character. */
export function extractKeywords(text: string, limit = 8): string[] {
  if (!text.trim()) return [];
  return loadJieba()
    .extract(text, limit * 3)
    .map((entry) => entry.word)
    .filter((word) => [...word].length >= 2 && HAN.test(word))
    .slice(0, limit);
}

import { collectContentWords } from "@/lib/segmenter/subject-features";
import { encodeSubjectSpace, type SubjectSpaceFile } from "@/lib/segmenter/subject-space";
import { normalizeCompact } from "@/lib/text/normalize";
import type { SourceArticle } from "./page-gen/source-article";
import { findLeftSingularVectors, type SparseColumns } from "./randomized-svd";

/**
 * The word space of `lib/segmenter/subject-space.ts`, from the training months' articles (never
 * the dev or test months): the `words` content words found in the most articles (at least
 * `minArticles`), each article a column of IDF weights scaled to unit length, and each word's row
 * of the `dims` leading left singular vectors, scaled to unit length. Chosen on the development
 * months: 48 dimensions and 12,000 words; more of either gained little, and unit rows
 * (no weighting by singular values) read subjects best.
 */

export type SubjectSpaceSettings = { dims: number; words: number; minArticles: number; oversample: number; powerIterations: number; seed: number };

export const DEFAULT_SUBJECT_SPACE: SubjectSpaceSettings = { dims: 48, words: 12_000, minArticles: 5, oversample: 12, powerIterations: 2, seed: 7 };

export function countSubjectSpace(sources: readonly SourceArticle[], settings: SubjectSpaceSettings = DEFAULT_SUBJECT_SPACE): SubjectSpaceFile {
  const articles = sources.map(collectArticleWords);
  const articleCounts = new Map<string, number>();
  for (const words of articles) for (const word of words) articleCounts.set(word, (articleCounts.get(word) ?? 0) + 1);
  const vocabulary = [...articleCounts]
    .filter(([, count]) => count >= settings.minArticles)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, settings.words)
    .map(([word]) => word);
  const row = new Map(vocabulary.map((word, at) => [word, at]));
  const idf = vocabulary.map((word) => Math.log(articles.length / articleCounts.get(word)!));
  const columns = articles.map((words) => {
    const at = Int32Array.from([...words].flatMap((word) => (row.has(word) ? [row.get(word)!] : [])));
    const values = Float64Array.from(at, (which) => idf[which]!);
    const norm = Math.hypot(...values);
    return { at, values: norm > 0 ? values.map((value) => value / norm) : values };
  });
  const matrix: SparseColumns = { rows: vocabulary.length, columns };
  const { vectors } = findLeftSingularVectors(matrix, { rank: settings.dims, oversample: settings.oversample, powerIterations: settings.powerIterations, seed: settings.seed });
  for (let word = 0; word < vocabulary.length; word++) {
    const offset = word * settings.dims;
    let norm = 0;
    for (let k = 0; k < settings.dims; k++) norm += vectors[offset + k]! ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < settings.dims; k++) vectors[offset + k] = norm > 0 ? vectors[offset + k]! / norm : 0;
  }
  return encodeSubjectSpace(vocabulary, vectors, settings.dims);
}

/** An article's content words, read as the segmenter reads a line (collectContentWords looks at 400 characters at a time). */
function collectArticleWords(source: SourceArticle): Set<string> {
  const words = new Set<string>();
  for (const block of source.blocks) {
    const text = normalizeCompact(block.text);
    for (let at = 0; at < text.length; at += CHUNK) for (const word of collectContentWords(text.slice(at, at + CHUNK))) words.add(word);
  }
  return words;
}

const CHUNK = 400;

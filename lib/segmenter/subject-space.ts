import { readWordWeight } from "@/lib/segment/jieba";
import { decodeSignedBytes, encodeSignedBytes } from "./signed-byte-text";

/**
 * A word space for telling subjects apart when two passages share no words: each frequent content
 * word of the training months is a unit vector, and words that occur in the same articles point
 * the same way (latent semantic analysis: the leading left singular vectors of the word × article
 * matrix, ingest/count-subject-space.ts). A passage is the IDF-weighted sum of its words' vectors.
 * 浪费 lies near 厉行节约 and 用餐, 导弹 near 射程 and 驱逐舰, so a new article that shares no word
 * with the one before still reads as a new subject, and a subhead's section as the same one.
 *
 * On the development months, as the cosine between the text before a line's headline and the line
 * with the one after it, it tells a headline-less item's first paragraph from the same item's next
 * one with ROC area 0.93 and a new item's title from a subhead with 0.90, against 0.92 and 0.82
 * for the IDF cosine of shared words (subject-similarity.ts); the two summed give 0.95 and 0.91.
 *
 * Shipped in the model file as the words and their vectors in signed bytes (unit length × 127),
 * written as text by signed-byte-text.ts.
 */

export type SubjectSpaceFile = { dims: number; words: string; vectors: string };

export type SubjectSpace = {
  dims: number;
  index: ReadonlyMap<string, number>;
  vectors: Int8Array;
  /** Each word's IDF, looked up in jieba's table on first use (NaN until then): a look-up there costs more than the sum. */
  weights: Float64Array;
};

export function encodeSubjectSpace(words: readonly string[], unitVectors: Float64Array, dims: number): SubjectSpaceFile {
  const bytes = Int8Array.from(unitVectors, (value) => Math.max(-127, Math.min(127, Math.round(value * 127))));
  return { dims, words: words.join(" "), vectors: encodeSignedBytes(bytes) };
}

export function decodeSubjectSpace(file: SubjectSpaceFile): SubjectSpace {
  const words = file.words === "" ? [] : file.words.split(" ");
  const vectors = decodeSignedBytes(file.vectors);
  if (vectors.length !== words.length * file.dims) throw new Error(`subject space: ${vectors.length} bytes of vectors for ${words.length} words of ${file.dims} dimensions`);
  return {
    dims: file.dims,
    index: new Map(words.map((word, at) => [word, at])),
    vectors,
    weights: new Float64Array(words.length).fill(Number.NaN),
  };
}

/**
 * For every line i and every `ahead`, the cosine in the space between the `back` lines before i's
 * headline and [i, i + ahead) (−2 when either side holds no word of the space); the same windows
 * as measureSubjectSimilarities, so the two measures read the same passages. `lines` are the
 * lines' vectors (embedWords), null for a line with no word of the space.
 */
export function measureSpaceSimilarities(lines: readonly (Float64Array | null)[], headed: readonly boolean[], dims: number, back: number, aheads: readonly number[]): number[][] {
  // Running sums of the lines' vectors, and of how many lines hold a word of the space: any window is a difference of two.
  const sums = new Float64Array((lines.length + 1) * dims);
  const known = new Int32Array(lines.length + 1);
  lines.forEach((vector, at) => {
    const offset = at * dims;
    known[at + 1] = known[at]! + (vector ? 1 : 0);
    for (let k = 0; k < dims; k++) sums[offset + dims + k] = sums[offset + k]! + (vector ? vector[k]! : 0);
  });
  const results = aheads.map(() => new Array<number>(lines.length).fill(NO_WORDS));
  let headlineStart = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i === 0 || !headed[i - 1]) headlineStart = i;
    const from = Math.max(0, headlineStart - back);
    if (known[headlineStart]! - known[from]! === 0) continue;
    aheads.forEach((ahead, which) => {
      const to = Math.min(lines.length, i + ahead);
      if (known[to]! - known[i]! === 0) return;
      let dot = 0;
      let beforeNorm = 0;
      let afterNorm = 0;
      for (let k = 0; k < dims; k++) {
        const before = sums[headlineStart * dims + k]! - sums[from * dims + k]!;
        const after = sums[to * dims + k]! - sums[i * dims + k]!;
        dot += before * after;
        beforeNorm += before * before;
        afterNorm += after * after;
      }
      results[which]![i] = beforeNorm > 0 && afterNorm > 0 ? dot / Math.sqrt(beforeNorm * afterNorm) : NO_WORDS;
    });
  }
  return results;
}

/** The IDF-weighted sum of the words' vectors (a word counted as often as it is given), or null when none is in the space. */
export function embedWords(space: SubjectSpace, words: Iterable<string>): Float64Array | null {
  const sum = new Float64Array(space.dims);
  let known = false;
  for (const word of words) {
    const row = space.index.get(word);
    if (row === undefined) continue;
    known = true;
    let weight = space.weights[row]!;
    if (Number.isNaN(weight)) space.weights[row] = weight = readWordWeight(word);
    for (let k = 0; k < space.dims; k++) sum[k]! += weight * space.vectors[row * space.dims + k]!;
  }
  return known ? sum : null;
}

/** The sum of `vectors[from]` to `vectors[to − 1]` (clipped to the list), or null when all are null. */
export function addVectors(vectors: readonly (Float64Array | null)[], from: number, to: number, dims: number): Float64Array | null {
  let sum: Float64Array | null = null;
  for (let at = Math.max(0, from); at < Math.min(vectors.length, to); at++) {
    const vector = vectors[at];
    if (!vector) continue;
    sum ??= new Float64Array(dims);
    for (let k = 0; k < dims; k++) sum[k]! += vector[k]!;
  }
  return sum;
}

export function measureCosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let aNorm = 0;
  let bNorm = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k]! * b[k]!;
    aNorm += a[k]! * a[k]!;
    bNorm += b[k]! * b[k]!;
  }
  return aNorm > 0 && bNorm > 0 ? dot / Math.sqrt(aNorm * bNorm) : 0;
}

/** The similarity of windows one of which holds no word of the space. */
export const NO_WORDS = -2;

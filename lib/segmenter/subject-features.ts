import { cutDictionaryWords, cutDictionaryWordsEach } from "@/lib/segment/jieba";
import { isSurrogateUnit } from "@/lib/text/normalize";
import type { LineObservations } from "./line-observations";
import type { PageLine } from "./page-lines";
import { measureSubjectSimilarities } from "./subject-similarity";
import { addVectors, embedWords, measureCosine, measureSpaceSimilarities, NO_WORDS, type SubjectSpace } from "./subject-space";

/** A line's content words: dictionary words of two Han characters or more. */
export type ContentWords = ReadonlySet<string>;

/**
 * Whether a line goes on with the subject of the lines before it: a new article starts a new
 * subject, a subhead or a paragraph does not, and an interleaved column's resumed text shares the
 * subject of the column it continues rather than that of the block that broke in.
 */

/**
 * Whether the text from this line on is about what the lines before were about: the share of
 * its dictionary words (two characters or more) that the previous lines used. Measured for the
 * line itself with the line after it, and for the line after alone (a headline is short; the
 * paragraph under it says more). Also set against the lines after it: a new article's first
 * paragraph shares its words with the paragraphs that follow rather than with those before, a
 * paragraph of the same article with both. Then the same question with words weighed by IDF
 * against the text before the line's headline (`tsim`, measurePageSubjects), alone, with the
 * line's shape, and with whether the line before closed an item on a page whose items close so;
 * and over the same windows in the word space (`ssim`, subject-space.ts), where related words
 * count and not only the same ones.
 */
export function describeTopicShift(words: readonly ContentWords[], observed: readonly LineObservations[], i: number, similarities: SubjectSimilarities, closing: string): string[] {
  const before = new Set<string>();
  for (let at = Math.max(0, i - TOPIC_WINDOW); at < i; at++) for (const word of words[at]!) before.add(word);
  if (before.size === 0) return ["topic=none"];
  const share = (at: number, to: number) => {
    const after = collectWords(words, at, to);
    if (after.size === 0) return "none";
    let shared = 0;
    for (const word of after) if (before.has(word)) shared++;
    const ratio = shared / after.size;
    return ratio < 0.05 ? "0" : ratio < 0.1 ? "1" : ratio < 0.18 ? "2" : ratio < 0.3 ? "3" : "4";
  };
  const here = share(i, i + 2);
  const next = share(i + 1, i + 2);
  const shape = observed[i]!.headlineShaped ? "hs" : "text";
  const back = share(i, i + 1);
  const ahead = measureSharedShare(words[i]!, collectWords(words, i + 1, i + 1 + TOPIC_AHEAD));
  const near = bucketSimilarity(similarities.near[i]!);
  const far = bucketSimilarity(similarities.wide[i]!);
  const spaceNear = bucketSpaceSimilarity(similarities.spaceNear[i]!);
  const spaceFar = bucketSpaceSimilarity(similarities.spaceWide[i]!);
  return [
    `topic=${here}`, `topicNext=${next}`, `topic|shape=${here}|${shape}`, `topicNext|shape=${next}|${shape}`,
    `topicBack|ahead|shape=${back}|${ahead}|${shape}`,
    `tsim=${near}`, `tsim|shape=${near}|${shape}`, `tsimWide|shape=${far}|${shape}`, `tsim|wide=${near}|${far}`,
    // A low similarity says less on a page whose items close with bylines when nothing closed here.
    `tsim|closing|shape=${near}|${closing}|${shape}`,
    // The same windows in the word space (subject-space.ts): related words count, not only the same ones.
    `ssim=${spaceNear}`, `ssim|shape=${spaceNear}|${shape}`, `ssimWide|shape=${spaceFar}|${shape}`, `ssim|tsim=${spaceNear}|${near}`,
  ];
}

/**
 * Similarity of the text from each line on with the lines before its headline, its next two lines
 * and its next six: IDF-weighted shared words (subject-similarity.ts) and in the word space
 * (subject-space.ts).
 */
export type SubjectSimilarities = { near: readonly number[]; wide: readonly number[]; spaceNear: readonly number[]; spaceWide: readonly number[] };

export function measurePageSubjects(lines: readonly PageLine[], observed: readonly LineObservations[], space: SubjectSpace): SubjectSimilarities {
  const headed = observed.map((line) => line.headlineShaped);
  const [near, wide] = measureSubjectSimilarities(readPageWords(lines), headed, TOPIC_WINDOW, [2, 6]) as [number[], number[]];
  const { vectors } = readPageVectors(lines, space);
  const [spaceNear, spaceWide] = measureSpaceSimilarities(vectors, headed, space.dims, TOPIC_WINDOW, [2, 6]) as [number[], number[]];
  return { near, wide, spaceNear, spaceWide };
}

const SIMILARITY_STEPS = [0.01, 0.03, 0.06, 0.1, 0.15, 0.22, 0.3, 0.4];

function bucketSimilarity(similarity: number): string {
  if (similarity < 0) return "none";
  const step = SIMILARITY_STEPS.findIndex((edge) => similarity < edge);
  return String(step === -1 ? SIMILARITY_STEPS.length : step);
}

/** Cosines in the word space run higher than shared-word similarities: these edges cut dev's into about tenths. */
const SPACE_STEPS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

function bucketSpaceSimilarity(similarity: number): string {
  if (similarity === NO_WORDS) return "none";
  const step = SPACE_STEPS.findIndex((edge) => similarity < edge);
  return String(step === -1 ? SPACE_STEPS.length : step);
}

/** How many lines after a line its words are looked for. */
const TOPIC_AHEAD = 3;

function collectWords(words: readonly ContentWords[], from: number, to: number): Set<string> {
  const found = new Set<string>();
  for (let k = from; k < Math.min(words.length, to); k++) for (const word of words[k]!) found.add(word);
  return found;
}

/** The share of `these` found in `those`, bucketed ("none" when either is empty). */
function measureSharedShare(these: ReadonlySet<string>, those: ReadonlySet<string>): string {
  if (these.size === 0 || those.size === 0) return "none";
  let shared = 0;
  for (const word of these) if (those.has(word)) shared++;
  const ratio = shared / these.size;
  return ratio === 0 ? "0" : ratio < 0.1 ? "1" : ratio < 0.25 ? "2" : "3";
}


const TOPIC_WINDOW = 6;
const CONTENT_WORD = /^\p{Script=Han}{2,}$/u;

export function collectContentWords(norm: string): ContentWords {
  return toContentWords(cutDictionaryWords(norm.slice(0, TOPIC_CHARS)));
}

function toContentWords(words: readonly string[]): ContentWords {
  return new Set(words.filter((word) => CONTENT_WORD.test(word)));
}

const TOPIC_CHARS = 400;

/**
 * How much the text from this line on shares with the text before it (TextTiling): the share of
 * Han character pairs of the next lines that also occur in the lines before. A new article
 * starts a new subject; a subhead or a paragraph goes on with the one before.
 */
export function measureCohesion(lines: readonly PageLine[], i: number): string {
  const before = collectPairs(lines, Math.max(0, i - COHESION_LINES), i);
  const after = collectPairs(lines, i, Math.min(lines.length, i + COHESION_LINES));
  if (before.size === 0 || after.size === 0) return "none";
  let shared = 0;
  for (const pair of after) if (before.has(pair)) shared++;
  const share = shared / Math.min(before.size, after.size);
  return share < 0.04 ? "0" : share < 0.08 ? "1" : share < 0.14 ? "2" : share < 0.22 ? "3" : "4";
}

const COHESION_LINES = 3;
const COHESION_CHARS = 240;

function collectPairs(lines: readonly PageLine[], from: number, to: number): ReadonlySet<number> {
  // The resume pair features (waiting-lines.ts) ask for the same windows for every waiting line and every line after it.
  let windows = pageWindows.get(lines);
  if (!windows) pageWindows.set(lines, (windows = new Map()));
  const key = from * 100_000 + to;
  let pairs = windows.get(key);
  if (pairs) return pairs;
  const found = new Set<number>();
  for (let at = from; at < to; at++) for (const pair of readLinePairs(lines[at]!)) found.add(pair);
  windows.set(key, (pairs = found));
  return pairs;
}

/** Each page's windows of lines, as sets of character pairs, kept while the page is read. */
const pageWindows = new WeakMap<readonly PageLine[], Map<number, ReadonlySet<number>>>();

/** Each line's pairs, worked out once: every line is asked for in several windows. */
const linePairs = new WeakMap<PageLine, ReadonlySet<number>>();

/**
 * A line's pairs of adjacent Han characters (in its first COHESION_CHARS code units), each as one
 * small integer (the first's readHanIndex × HAN_UNITS_BOUND + the second's): sets of such numbers
 * are compared faster than sets of two-character strings (about 1.4× on these comparisons).
 */
function readLinePairs(line: PageLine): ReadonlySet<number> {
  let pairs = linePairs.get(line);
  if (pairs) return pairs;
  const found = new Set<number>();
  const text = line.norm.slice(0, COHESION_CHARS);
  let previous = text.length > 0 ? readHanIndex(text.charCodeAt(0)) : -1;
  for (let k = 1; k < text.length; k++) {
    const index = readHanIndex(text.charCodeAt(k));
    if (previous >= 0 && index >= 0) found.add(previous * HAN_UNITS_BOUND + index);
    previous = index;
  }
  linePairs.set(line, (pairs = found));
  return pairs;
}

/** Above the number of Han characters in the BMP (28,400): pair codes stay below 2^30, small integers in V8. */
const HAN_UNITS_BOUND = 32_768;
/** Per UTF-16 unit: 0 not yet seen, -1 not a Han character (or a surrogate), else its index among the Han units seen + 1. */
const hanIndexes = new Int32Array(0x10000);
let hanUnitsSeen = 0;

function readHanIndex(code: number): number {
  let known = hanIndexes[code]!;
  if (known === 0) {
    const isHan = !isSurrogateUnit(code) && /\p{Script=Han}/u.test(String.fromCharCode(code));
    known = isHan ? ++hanUnitsSeen : -1;
    hanIndexes[code] = known;
  }
  return known < 0 ? -1 : known - 1;
}

/** A line's content words, cut once: the topic features and the resume comparisons read the same lines. */
function readLineWords(line: PageLine): ContentWords {
  let words = lineWords.get(line);
  if (!words) lineWords.set(line, (words = collectContentWords(line.norm)));
  return words;
}

/** readLineWords of every line of a page, the lines not read yet cut in one call (the same words). */
export function readPageWords(lines: readonly PageLine[]): ContentWords[] {
  const unread = lines.filter((line) => !lineWords.has(line));
  if (unread.length > 0) {
    const cut = cutDictionaryWordsEach(unread.map((line) => line.norm.slice(0, TOPIC_CHARS)));
    unread.forEach((line, at) => lineWords.set(line, toContentWords(cut[at]!)));
  }
  return lines.map(readLineWords);
}

const lineWords = new WeakMap<PageLine, ContentWords>();

/** A page's lines' vectors in the space (embedWords) and the sums over windows of them asked for so far. */
type PageVectors = { space: SubjectSpace; vectors: readonly (Float64Array | null)[]; windows: Map<number, Float64Array | null> };

/** Worked out once per page: the resume comparisons ask for each line in many windows. */
function readPageVectors(lines: readonly PageLine[], space: SubjectSpace): PageVectors {
  const known = pageVectors.get(lines);
  if (known && known.space === space) return known;
  const page: PageVectors = { space, vectors: readPageWords(lines).map((words) => embedWords(space, words)), windows: new Map() };
  pageVectors.set(lines, page);
  return page;
}

const pageVectors = new WeakMap<readonly PageLine[], PageVectors>();

/**
 * compareContext in the word space (subject-space.ts): whether lines `i` and `i + 1` lie nearer the
 * text around the earlier cut line `j` or the lines right before `i`, by how much the two cosines
 * differ. Reads related words where the character pairs see only the same ones.
 */
export function compareContextInSpace(lines: readonly PageLine[], space: SubjectSpace, j: number, i: number): string {
  const page = readPageVectors(lines, space);
  // The waiting lines' windows and the resumed line's recur across the pairs of a page.
  const embed = (from: number, to: number) => {
    const key = Math.max(0, from) * 100_000 + Math.min(lines.length, to);
    if (page.windows.has(key)) return page.windows.get(key)!;
    const sum = addVectors(page.vectors, from, to, space.dims);
    page.windows.set(key, sum);
    return sum;
  };
  const windows = findContextWindows(lines, j, i);
  const here = embed(...windows.here);
  const earlier = embed(...windows.earlier);
  const recent = embed(...windows.recent);
  if (!here || !earlier || !recent) return "none";
  const lead = measureCosine(here, earlier) - measureCosine(here, recent);
  return lead > 0.2 ? "earlier2" : lead > 0.07 ? "earlier" : lead < -0.2 ? "recent2" : lead < -0.07 ? "recent" : "even";
}

/** The cosine in the word space between lines [from, to) and the given lines together; NO_WORDS when either holds no word of the space. */
export function compareLinesInSpace(lines: readonly PageLine[], space: SubjectSpace, from: number, to: number, others: readonly number[]): number {
  const page = readPageVectors(lines, space);
  const here = addVectors(page.vectors, from, to, space.dims);
  const there = addVectors(others.map((at) => page.vectors[at] ?? null), 0, others.length, space.dims);
  return here && there ? measureCosine(here, there) : NO_WORDS;
}

/**
 * Whether the text from line `i` on reads more like the text around an earlier cut line `j`
 * than like the lines right before `i`: the resumed column shares its subject.
 */
export function compareContext(lines: readonly PageLine[], j: number, i: number): string {
  const { earlier: a, recent: b } = measureContextShares(lines, j, i);
  return a > b * 1.5 + 0.02 ? "earlier" : b > a * 1.5 + 0.02 ? "recent" : "even";
}

/**
 * The share of the character pairs of lines `i` and `i + 1` found around line `j` (its two lines
 * before and itself) and in the lines between `j` and `i` (at most two, right before `i`).
 */
export function measureContextShares(lines: readonly PageLine[], j: number, i: number): { earlier: number; recent: number } {
  const windows = findContextWindows(lines, j, i);
  const here = collectPairs(lines, ...windows.here);
  const share = (other: ReadonlySet<number>) => {
    let shared = 0;
    for (const pair of here) if (other.has(pair)) shared++;
    return other.size === 0 || here.size === 0 ? 0 : shared / Math.min(other.size, here.size);
  };
  return { earlier: share(collectPairs(lines, ...windows.earlier)), recent: share(collectPairs(lines, ...windows.recent)) };
}

type LineRange = [from: number, to: number];

/** The lines both context comparisons read: `i` and the line after it, the cut line `j` with its two lines before, and at most two lines right before `i`. */
function findContextWindows(lines: readonly PageLine[], j: number, i: number): { here: LineRange; earlier: LineRange; recent: LineRange } {
  return { here: [i, Math.min(lines.length, i + 2)], earlier: [Math.max(0, j - 2), j + 1], recent: [Math.max(j + 1, i - 2), i] };
}


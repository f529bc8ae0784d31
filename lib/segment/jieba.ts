import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * nodejieba behind one door. Always cut with HMM on: without it every digit is
 * split apart ("142户" → 1/4/2/户).
 *
 * An article's text is cut once and the words serve twice: TF-IDF keywords at
 * ingest and the whole-word tokens of the index (lib/search/whole-words.ts).
 * Keywords are therefore ranked here, with cppjieba's own IDF table and stop
 * words and its formula (term count × IDF, the mean IDF for unknown words,
 * single characters and stop words skipped), instead of calling
 * nodejieba.extract, which would cut the same text a second time (a cut costs
 * as much as an extract: 0.66 ms per article on this machine).
 */
type Jieba = {
  cut: (text: string, hmm: boolean) => string[];
};

type IdfTable = { idf: Map<string, number>; average: number; stopWords: Set<string> };

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
let idfTable: IdfTable | undefined;

function loadJieba(): Jieba {
  // Loaded lazily: the dictionaries take ~0.5 s and most processes never segment.
  jieba ??= require("nodejieba") as Jieba;
  return jieba;
}

function loadIdfTable(): IdfTable {
  if (idfTable) return idfTable;
  const dictDir = path.join(path.dirname(require.resolve("nodejieba")), "submodules/cppjieba/dict");
  const idf = new Map<string, number>();
  let sum = 0;
  let lines = 0;
  for (const line of fs.readFileSync(path.join(dictDir, "idf.utf8"), "utf8").split("\n")) {
    if (line === "") continue;
    lines += 1;
    const [word, value, extra] = line.split(" ");
    if (word === undefined || value === undefined || extra !== undefined) continue;
    const weight = Number.parseFloat(value);
    idf.set(word, weight);
    sum += weight;
  }
  const stopWords = new Set(fs.readFileSync(path.join(dictDir, "stop_words.utf8"), "utf8").split("\n"));
  idfTable = { idf, average: lines > 0 ? sum / lines : 0, stopWords };
  return idfTable;
}

/** The last texts cut, so ingest's keyword and index steps share one cut per article. */
const recentCuts = new Map<string, string[]>();
const RECENT_CUTS = 64;

/**
 * Loads the dictionaries now instead of on the first search that needs a cut
 * (0.9 s on this machine): the app calls it when its server starts.
 */
export function warmUpSegmentation(): void {
  cutWords("预热");
}

export function cutWords(text: string): string[] {
  const cached = recentCuts.get(text);
  if (cached) return cached;
  const words = loadJieba().cut(text, true);
  recentCuts.set(text, words);
  if (recentCuts.size > RECENT_CUTS) {
    const oldest = recentCuts.keys().next();
    if (!oldest.done) recentCuts.delete(oldest.value);
  }
  return words;
}

/**
 * Dictionary words only (HMM off): the page segmenter asks whether a word spans the join of two
 * lines, and the HMM would glue any two unknown characters into a "word" (党万 + 入 → 万入),
 * which says nothing about a cut sentence. Digits split apart here, which that question ignores.
 */
export function cutDictionaryWords(text: string): string[] {
  return loadJieba().cut(text, false);
}

/**
 * cutDictionaryWords of each text (none holding a line break), all in one call with a newline
 * between them, which jieba never cuts across: the same words, without a call per text, which
 * cost the page segmenter a tenth of its time when it cut each line apart.
 */
export function cutDictionaryWordsEach(texts: readonly string[]): string[][] {
  const groups: string[][] = [[]];
  for (const word of cutDictionaryWords(texts.join("\n"))) {
    if (word === "\n") groups.push([]);
    else groups[groups.length - 1]!.push(word);
  }
  if (groups.length !== texts.length) throw new Error(`jieba: ${texts.length} texts cut into ${groups.length}`);
  return groups;
}

const HAN = /\p{Script=Han}/u;

/** Top TF-IDF keywords: words of two or more characters with at least one Han character. */
export function extractKeywords(text: string, limit = 8): string[] {
  if (!text.trim()) return [];
  return rankKeywords(cutWords(text), limit * 3)
    .filter((word) => [...word].length >= 2 && HAN.test(word))
    .slice(0, limit);
}

/** cppjieba's KeywordExtractor over words already cut: count × IDF, highest first (ties by code point order). */
export function rankKeywords(words: readonly string[], limit: number): string[] {
  const { idf, average, stopWords } = loadIdfTable();
  const counts = new Map<string, number>();
  for (const word of words) {
    if (isSingleCodePoint(word) || stopWords.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, count]) => ({ word, weight: count * (idf.get(word) ?? average) }))
    .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.word);
}

/**
 * How telling a word is (cppjieba's IDF, the table's mean for a word it lacks): the page
 * segmenter weighs shared words by it, since 发展 or 工作 shared by two paragraphs says little
 * and 舞蹈 or 利比亚 says much.
 */
export function readWordWeight(word: string): number {
  const { idf, average } = loadIdfTable();
  return idf.get(word) ?? average;
}

function isSingleCodePoint(word: string): boolean {
  return word.length === 1 || (word.length === 2 && (word.codePointAt(0) ?? 0) > 0xffff);
}

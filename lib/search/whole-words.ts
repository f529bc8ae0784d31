import { toSegmentText, type ParsedArticle } from "@/lib/article/types";
import { cutWords } from "@/lib/segment/jieba";
import { encodeChar } from "./coded-chars";
import { HARD_SEPARATOR_STEP, POSITION_BUDGET } from "./coded-chunks";
import { toMatchTerm } from "./exact-match";

/**
 * Whole-word ranking: an article where the query is a jieba word of its own
 * (华人 in 海外华人) ranks before one where it only sits inside a longer word
 * (中华人民共和国), which exact substring matching alone cannot tell apart.
 *
 * The index holds, per article, the set of its jieba words (HMM on, two or
 * more characters, in matching form), each spelled as ONE letter token: the
 * concatenated char codes of coded-chars.ts (华人 → 8 letters). That spelling
 * is uniquely decodable and longer than any char token, so a word token never
 * equals a char token. A single-term query whose term is itself one jieba word
 * is sent as `"<char phrase>" <word token>` with matchingStrategy "last": the
 * phrase stays required (the engine drops query words from the end, never the
 * first), so the result set is exactly the phrase's, and the engine's "words"
 * rule, which always ranks first, puts articles holding the word token ahead.
 * Inside each of those two groups the "attribute" rule still ranks headline
 * matches before body matches.
 *
 * Words are separated by a hard separator (` . `, 8 positions), so the set
 * adds no word-pair entries to the proximity tables. Word i sits at position
 * 8·i, so MAX_WORDS (7,500) keeps the set within the position budget of
 * coded-chunks.ts (60,000; the engine drops words at 65,535 and beyond). The
 * corpus's richest article has 2,185 distinct words.
 */

export const WORD_FIELD = "wordCodes";
const MIN_CHARS = 2;
/** Longer "words" are runs of Latin letters or digits jieba did not split; no query is one of them. */
const MAX_CHARS = 16;
/** The most words whose positions (0, 8, 16, …) stay below POSITION_BUDGET. */
export const MAX_WORDS = Math.floor((POSITION_BUDGET - 1) / HARD_SEPARATOR_STEP) + 1;
const SEPARATOR = " . ";
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** One letter token for a word already in matching form. */
export function encodeWord(matchWord: string): string {
  return Array.from(matchWord, encodeChar).join("");
}

function toMatchWord(word: string): string | null {
  const matchWord = toMatchTerm(word);
  const length = [...matchWord].length;
  return length >= MIN_CHARS && length <= MAX_CHARS && WORD_CHAR.test(matchWord) ? matchWord : null;
}

/** The indexed word set of an article: distinct word tokens, in order of first occurrence. */
export function toCodedWordText(article: Pick<ParsedArticle, "kicker" | "title" | "subtitle" | "blocks">): string {
  const codes = new Set<string>();
  for (const word of cutWords(toSegmentText(article))) {
    const matchWord = toMatchWord(word);
    if (matchWord !== null) codes.add(encodeWord(matchWord));
    if (codes.size >= MAX_WORDS) break;
  }
  return [...codes].join(SEPARATOR);
}

/** The word token to rank by when the term is exactly one jieba word, else null. */
export function toWholeWordToken(matchTerm: string): string | null {
  const words = cutWords(matchTerm).filter((word) => word.trim() !== "");
  const [only] = words;
  if (words.length !== 1 || only === undefined) return null;
  const matchWord = toMatchWord(only);
  return matchWord !== null && matchWord === matchTerm ? encodeWord(matchWord) : null;
}

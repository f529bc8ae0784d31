import { toHeadlineText, toSegmentText, type ParsedArticle } from "@/lib/article/types";
import { cutWords } from "@/lib/segment/jieba";
import { encodeChar } from "./coded-chars";
import { HARD_SEPARATOR_STEP, POSITION_BUDGET } from "./coded-chunks";
import { toMatchTerm } from "./exact-match";

/**
 * Whole-word ranking: an article where the query is a jieba word of its own
 * (华人 in 海外华人) ranks before one where it only sits inside a longer word
 * (中华人民共和国), which exact substring matching alone cannot tell apart.
 *
 * The index holds, per article, the set of jieba words (HMM on, two to eight
 * characters with at least one letter or Han character, in matching form) of
 * its headline and the first LEAD_CHARS characters of its body, each spelled
 * as ONE letter token: the
 * concatenated char codes of coded-chars.ts (华人 → 8 letters). That spelling
 * is uniquely decodable and longer than any char token, so a word token never
 * equals a char token. A single-term query whose term is itself one jieba word
 * is sent as `"<char phrase>" <word token>` with matchingStrategy "last": the
 * phrase stays required (the engine drops query words from the end, never the
 * first), so the result set is exactly the phrase's, and the engine's "words"
 * rule, which the engine always applies before its other relevance rules (only
 * an explicit date sort, the "sort" rule, comes earlier), puts articles holding
 * the word token ahead.
 * Inside each of those two groups the "attribute" rule still ranks headline
 * matches before body matches.
 *
 * Words are separated by a hard separator (` . `, 8 positions), so the set
 * adds no word-pair entries to the proximity tables. Word i sits at position
 * 8·i, so MAX_WORDS (7,500) keeps the set within the position budget of
 * coded-chunks.ts (60,000; the engine drops words at 65,535 and beyond); with
 * words from the headline and lead only, the cap is a guard, not a limit met.
 */

export const WORD_FIELD = "wordCodes";
const MIN_CHARS = 2;
/** Longer "words" are mostly runs of Latin letters jieba did not split; queries that long are rare. */
const MAX_CHARS = 8;
/**
 * Words come from the headline and the body's lead only: indexing every word
 * of the body cost 0.27× of plain Meilisearch's indexing time on rmrb (57 s
 * against 47 s without the field; plain 38 s), the lead's 300 characters
 * almost nothing (46 s), which keeps the pipeline within its 1.3× budget.
 * An article that uses the term as a word only deep in its body therefore
 * ranks with the partial matches.
 */
const LEAD_CHARS = 300;
/** The most words whose positions (0, 8, 16, …) stay below POSITION_BUDGET. */
export const MAX_WORDS = Math.floor((POSITION_BUDGET - 1) / HARD_SEPARATOR_STEP) + 1;
const SEPARATOR = " . ";
/** Bare numbers (2019, 142) get no token: each is its own rare word, costly to index and rarely a ranking question. */
const WORD_CHAR = /\p{L}/u;

/** One letter token for a word already in matching form. */
export function encodeWord(matchWord: string): string {
  return Array.from(matchWord, encodeChar).join("");
}

function toMatchWord(word: string): string | null {
  const matchWord = toMatchTerm(word);
  const length = [...matchWord].length;
  return length >= MIN_CHARS && length <= MAX_CHARS && WORD_CHAR.test(matchWord) ? matchWord : null;
}

/**
 * Word → token (or null when the word gets none), remembered: an article's
 * words are mostly words seen before, and normalising and encoding them
 * cost more than cutting the text (0.5 ms against 0.4 ms per article).
 */
const wordTokens = new Map<string, string | null>();
const MAX_REMEMBERED_WORDS = 500_000;

function toWordToken(word: string): string | null {
  let token = wordTokens.get(word);
  if (token !== undefined) return token;
  const matchWord = toMatchWord(word);
  token = matchWord === null ? null : encodeWord(matchWord);
  if (wordTokens.size >= MAX_REMEMBERED_WORDS) wordTokens.clear();
  wordTokens.set(word, token);
  return token;
}

/** The indexed word set of an article: distinct word tokens, in order of first occurrence. */
export function toCodedWordText(article: Pick<ParsedArticle, "kicker" | "title" | "subtitle" | "blocks">): string {
  const codes = new Set<string>();
  const headlineLength = toHeadlineText(article).length;
  let offset = 0;
  for (const word of cutWords(toSegmentText(article))) {
    if (offset > headlineLength + LEAD_CHARS) break;
    offset += word.length;
    const token = toWordToken(word);
    if (token !== null) codes.add(token);
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

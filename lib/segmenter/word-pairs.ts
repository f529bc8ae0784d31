import { cutDictionaryWordsEach } from "@/lib/segment/jieba";
import { decodePairFilter, hasPair, type PairFilter, type PairFilterFile } from "./pair-filter";

/**
 * Word pairs that running newspaper text puts side by side far more often than chance (jieba's
 * dictionary cut, pointwise mutual information of at least 1 over the training months, seen at
 * least a few times). About half of all column cuts fall between two words, where no dictionary
 * word spans the join (dictionary-join.ts) and the two characters at the join often make no
 * frequent pair (char-pairs.ts); the words on either side still often make a familiar pair
 * (加快 | 推进, 有关 | 部门). On generated dev pages of interleaved columns, 57 % of such
 * evidence-less resumptions made a known word pair against 22 % of the same lines read on from the
 * line right before them (measured with a like table, punctuation not yet left out).
 *
 * Stored as a Bloom filter (pair-filter.ts): the ~120,000 pairs would take several hundred kB as words, and the
 * question asked is only "seen or not". It is sized for one false "seen" in a thousand unseen
 * pairs: at one in a hundred, 难题 | 全省 (never side by side in the training months) passed, and
 * seed page 000's deck was read as the rest of its title.
 */

export type WordPairsFile = PairFilterFile;

export type WordPairs = PairFilter;

export type WordJoin = "seen" | "unseen" | "none";

const HAN = /\p{Script=Han}/u;
/** Enough of a line's end or start for its last or first word (jieba words are rarely longer). */
const EDGE_CHARS = 8;

export function decodeWordPairs(file: WordPairsFile): WordPairs {
  return decodePairFilter(file, "word pairs");
}

/**
 * Each line's last and first word (normalised texts, without whitespace), as jieba's dictionary
 * cut reads the line's last and first few characters; null where that word is not a Han word.
 * All lines are cut in one call per side, a newline between them (jieba never joins across one):
 * a call per line cost a tenth of the segmenter's time.
 */
export function readEdgeWords(norms: readonly string[]): { last: (string | null)[]; first: (string | null)[] } {
  const last = cutDictionaryWordsEach(norms.map((norm) => norm.slice(-EDGE_CHARS))).map((words) => toHanWord(words[words.length - 1]));
  const first = cutDictionaryWordsEach(norms.map((norm) => norm.slice(0, EDGE_CHARS))).map((words) => toHanWord(words[0]));
  return { last, first };
}

function toHanWord(word: string | undefined): string | null {
  return word !== undefined && isHanWord(word) ? word : null;
}

/** The words the table holds: those with a Han character (the counter leaves out the rest). */
export function isHanWord(word: string): boolean {
  return HAN.test(word);
}

/** How a line's last word and another's first read together: "none" when either is not a Han word. */
export function readWordJoin(table: WordPairs, last: string | null, first: string | null): WordJoin {
  if (last === null || first === null) return "none";
  return hasPair(table, last, first) ? "seen" : "unseen";
}

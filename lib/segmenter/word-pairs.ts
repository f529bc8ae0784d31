import { cutDictionaryWords } from "@/lib/segment/jieba";

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
 * Stored as a Bloom filter: the ~120,000 pairs would take several hundred kB as words, and the
 * question asked is only "seen or not". It is sized for one false "seen" in a thousand unseen
 * pairs: at one in a hundred, 难题 | 全省 (never side by side in the training months) passed, and
 * seed page 000's deck was read as the rest of its title.
 */

export type WordPairsFile = { bits: number; hashes: number; filter: string };

export type WordPairs = { bits: number; hashes: number; filter: Uint8Array };

export type WordJoin = "seen" | "unseen" | "none";

const HAN = /\p{Script=Han}/u;
/** Enough of a line's end or start for its last or first word (jieba words are rarely longer). */
const EDGE_CHARS = 8;

/** `falsePositiveRate`: the share of unseen pairs the filter may pass (the trainer's setting, ingest/count-word-pairs.ts). */
export function createWordPairs(pairs: Iterable<readonly [string, string]>, count: number, falsePositiveRate: number): WordPairs {
  // The textbook optimum: m = −n ln p / (ln 2)², k = (m / n) ln 2, m rounded up to whole bytes.
  const bits = Math.max(8, Math.ceil((-Math.max(count, 1) * Math.log(falsePositiveRate)) / Math.LN2 ** 2 / 8) * 8);
  const hashes = Math.max(1, Math.round((bits / Math.max(count, 1)) * Math.LN2));
  const table: WordPairs = { bits, hashes, filter: new Uint8Array(bits / 8) };
  for (const [left, right] of pairs) {
    const [first, step] = hashPair(left, right);
    for (let i = 0; i < hashes; i++) {
      const bit = toBit(table, first, step, i);
      table.filter[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return table;
}

export function encodeWordPairs(table: WordPairs): WordPairsFile {
  return { bits: table.bits, hashes: table.hashes, filter: Buffer.from(table.filter).toString("base64") };
}

export function decodeWordPairs(file: WordPairsFile): WordPairs {
  const filter = new Uint8Array(Buffer.from(file.filter, "base64"));
  if (filter.length * 8 !== file.bits) throw new Error(`word pairs: the filter holds ${filter.length * 8} bits, the file says ${file.bits}`);
  return { bits: file.bits, hashes: file.hashes, filter };
}

/** Whether the pair was stored (or, rarely, a false positive). */
export function hasWordPair(table: WordPairs, left: string, right: string): boolean {
  const [first, step] = hashPair(left, right);
  for (let i = 0; i < table.hashes; i++) {
    const bit = toBit(table, first, step, i);
    if ((table.filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/**
 * Each line's last and first word (normalised texts, without whitespace), as jieba's dictionary
 * cut reads the line's last and first few characters; null where that word is not a Han word.
 * All lines are cut in one call per side, a newline between them (jieba never joins across one):
 * a call per line cost a tenth of the segmenter's time.
 */
export function readEdgeWords(norms: readonly string[]): { last: (string | null)[]; first: (string | null)[] } {
  const last = splitAtNewlines(cutDictionaryWords(norms.map((norm) => norm.slice(-EDGE_CHARS)).join("\n")), norms.length).map((words) => toHanWord(words[words.length - 1]));
  const first = splitAtNewlines(cutDictionaryWords(norms.map((norm) => norm.slice(0, EDGE_CHARS)).join("\n")), norms.length).map((words) => toHanWord(words[0]));
  return { last, first };
}

function splitAtNewlines(words: readonly string[], count: number): string[][] {
  const groups: string[][] = [[]];
  for (const word of words) {
    if (word === "\n") groups.push([]);
    else groups[groups.length - 1]!.push(word);
  }
  if (groups.length !== count) throw new Error(`word pairs: ${count} lines cut into ${groups.length}`);
  return groups;
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
  return hasWordPair(table, last, first) ? "seen" : "unseen";
}

/** Two FNV-1a variants of "left␀right", the same on every machine: the start and the (odd) step of the double hashing. */
function hashPair(left: string, right: string): [number, number] {
  const key = `${left}\u0000${right}`;
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (let at = 0; at < key.length; at++) {
    const unit = key.charCodeAt(at);
    first = Math.imul(first ^ unit, 0x01000193) >>> 0;
    second = Math.imul(second ^ unit, 0x5bd1e995) >>> 0;
    second ^= second >>> 15;
  }
  return [first, (second | 1) >>> 0];
}

/** The i-th of a pair's bit positions. */
function toBit(table: Pick<WordPairs, "bits">, first: number, step: number, i: number): number {
  return ((first + Math.imul(i, step)) >>> 0) % table.bits;
}

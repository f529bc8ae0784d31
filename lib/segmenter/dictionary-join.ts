import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { cutDictionaryWords } from "@/lib/segment/jieba";
import { isSurrogateUnit } from "@/lib/text/normalize";

/**
 * How strongly the end of one line and the start of another read as one piece of text: the
 * mark of a sentence cut by a column end (协调机 | 制取得 → 机制). Texts are compared after the
 * search normalisation (Traditional → Simplified, no whitespace), so Traditional pages read the
 * same. The word lists are jieba's own dictionary (shipped in the nodejieba package).
 *
 *   3  some dictionary word of 2–4 characters spans the join, and jieba, cutting the joined
 *      text by its dictionary (no HMM), keeps a word across it
 *   2  some dictionary word of 2–4 characters spans the join (jieba cuts elsewhere)
 *   1  the two characters at the join occur side by side inside some dictionary word
 *   0  none of these
 *
 * On generated dev pages, after a line not ending a sentence: 41 % / 44 % / 53 % of real
 * continuations reach 3 / 2 / 1, against 1.8 % / 9.5 % / 21 % of lines that start something new
 * (each figure counts the pairs that pass that test alone; jieba was then asked first, so a
 * 3 also counted joins by a word of five or more characters alone, which are rare).
 */

const require = createRequire(import.meta.url);
const MAX_WORD_CHARS = 4;
const CUT_CONTEXT_CHARS = 6;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const HAN = /\p{Script=Han}/u;
let lexicon: { words: Set<string>; pairs: Set<string> } | undefined;

function loadLexicon(): { words: Set<string>; pairs: Set<string> } {
  if (lexicon) return lexicon;
  const dictionary = path.join(path.dirname(require.resolve("nodejieba")), "submodules/cppjieba/dict/jieba.dict.utf8");
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const line of fs.readFileSync(dictionary, "utf8").split("\n")) {
    const word = line.slice(0, line.indexOf(" "));
    if (!HAN_WORD.test(word)) continue;
    if (word.length <= MAX_WORD_CHARS) words.add(word);
    for (let at = 0; at + 1 < word.length; at++) pairs.add(word.slice(at, at + 2));
  }
  lexicon = { words, pairs };
  return lexicon;
}

export type JoinStrength = 0 | 1 | 2 | 3;

/** How strongly `after` continues `before` (both normalised, without whitespace); see above. */
export function measureJoin(before: string, after: string): JoinStrength {
  if (!before || !after) return 0;
  const left = before.slice(-CUT_CONTEXT_CHARS);
  const right = after.slice(0, CUT_CONTEXT_CHARS);
  const atJoin = left.slice(-1) + right.slice(0, 1);
  // A word that spans the join holds its two characters side by side, so when no dictionary word
  // does, none spans it: most joins of unrelated lines end here, without the look-up below.
  // A character outside the BMP is kept in the lexicon's pairs only by halves: such joins take the long way.
  if (!isSurrogateUnit(atJoin.charCodeAt(0)) && !isSurrogateUnit(atJoin.charCodeAt(1)) && !loadLexicon().pairs.has(atJoin)) return 0;
  // jieba is asked only when some short dictionary word spans the join: a cut is costly, and
  // without such a word jieba could only join the two sides into a word of five or more.
  if (spansDictionaryWord(left, right)) return cutsAcross(left, right) ? 3 : 2;
  return loadLexicon().pairs.has(atJoin) ? 1 : 0;
}

function cutsAcross(left: string, right: string): boolean {
  let position = 0;
  for (const word of cutDictionaryWords(left + right)) {
    const end = position + word.length;
    if (position < left.length && end > left.length && HAN.test(word)) return true;
    position = end;
  }
  return false;
}

/** True when some dictionary word is made of the last characters of `before` and the first of `after`. */
export function spansDictionaryWord(before: string, after: string): boolean {
  const { words } = loadLexicon();
  const tail = [...before.slice(-MAX_WORD_CHARS * 2)].slice(-(MAX_WORD_CHARS - 1));
  const head = [...after.slice(0, MAX_WORD_CHARS * 2)].slice(0, MAX_WORD_CHARS - 1);
  for (let take = 1; take <= tail.length; take++) {
    const left = tail.slice(-take).join("");
    for (let give = 1; give <= head.length && take + give <= MAX_WORD_CHARS; give++) {
      if (words.has(left + head.slice(0, give).join(""))) return true;
    }
  }
  return false;
}

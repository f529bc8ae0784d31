import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Whether a dictionary word spans the join of two lines (协调机 | 制取得 → 机制): the strongest
 * sign that the second line continues a sentence the first was cut in. The word list is jieba's
 * own dictionary (shipped in the nodejieba package), Han words of two to four characters; texts
 * are compared after the search normalisation (Traditional → Simplified), so Traditional pages
 * read the same.
 */

const require = createRequire(import.meta.url);
const MAX_WORD_CHARS = 4;
const HAN_WORD = /^\p{Script=Han}{2,4}$/u;
let words: Set<string> | undefined;

function loadWords(): Set<string> {
  if (words) return words;
  const dictionary = path.join(path.dirname(require.resolve("nodejieba")), "submodules/cppjieba/dict/jieba.dict.utf8");
  const loaded = new Set<string>();
  for (const line of fs.readFileSync(dictionary, "utf8").split("\n")) {
    const word = line.slice(0, line.indexOf(" "));
    if (HAN_WORD.test(word)) loaded.add(word);
  }
  words = loaded;
  return loaded;
}

/**
 * True when some dictionary word is made of the last characters of `before` and the first of
 * `after` (both already normalised, without whitespace).
 */
export function spansDictionaryWord(before: string, after: string): boolean {
  const dictionary = loadWords();
  const tail = [...before.slice(-MAX_WORD_CHARS * 2)].slice(-(MAX_WORD_CHARS - 1));
  const head = [...after.slice(0, MAX_WORD_CHARS * 2)].slice(0, MAX_WORD_CHARS - 1);
  for (let take = 1; take <= tail.length; take++) {
    const left = tail.slice(-take).join("");
    for (let give = 1; give <= head.length && take + give <= MAX_WORD_CHARS; give++) {
      if (dictionary.has(left + head.slice(0, give).join(""))) return true;
    }
  }
  return false;
}

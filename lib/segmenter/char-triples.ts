import { decodePairFilter, hasPair, type PairFilter, type PairFilterFile } from "./pair-filter";

/**
 * Character triples that running newspaper text writes far more often than chance: the third
 * character is at least e² times likelier after the first two than anywhere (seen at least ten
 * times over the training months). A column cut leaves two such triples across the join, the
 * last two characters of one line with the first of the next, and the last with the first two;
 * a cut sentence read on usually keeps one of them, a line that starts something else rarely
 * does. Unlike a dictionary word (dictionary-join.ts) or a character pair (char-pairs.ts) they
 * also read cuts between words and inside names and numbers (召开 | 了, 60 | 亿英镑).
 *
 * On the development months' interleaved pages, with the dictionary join and the character pair,
 * they pick the line a resumed column goes on from among the lines that may wait for it in 118 of
 * 196 cases against 103 without.
 *
 * Stored as a Bloom filter (pair-filter.ts) of (first two characters, third), one false "seen" in a
 * thousand unseen triples.
 */

export type CharTriplesFile = PairFilterFile;

export type CharTriples = PairFilter;

export function decodeCharTriples(file: CharTriplesFile): CharTriples {
  return decodePairFilter(file, "character triples");
}

/** A triple as the filter stores it. */
export function toTripleKey(first: string, second: string, third: string): [string, string] {
  return [first + second, third];
}

/** How many of the two triples across the join of `before` and `after` (normalised texts) running text knows. */
export function countJoinTriples(table: CharTriples, before: string, after: string): 0 | 1 | 2 {
  // Four code units hold the last or first two characters, even when both are surrogate pairs.
  const end = [...before.slice(-4)].slice(-2);
  const start = [...after.slice(0, 4)].slice(0, 2);
  let known = 0;
  if (end.length === 2 && start.length >= 1 && hasPair(table, ...toTripleKey(end[0]!, end[1]!, start[0]!))) known++;
  if (end.length >= 1 && start.length === 2 && hasPair(table, ...toTripleKey(end.at(-1)!, start[0]!, start[1]!))) known++;
  return known as 0 | 1 | 2;
}

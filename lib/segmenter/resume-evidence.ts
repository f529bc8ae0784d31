import { readJoinPair, type CharPairs } from "./char-pairs";
import { countJoinTriples, type CharTriples } from "./char-triples";
import { readEdgeWords, readWordJoin, type WordJoin, type WordPairs } from "./word-pairs";
import { measureJoin, type JoinStrength } from "./dictionary-join";
import { CONTINUATION_START, type LineObservations } from "./line-observations";
import type { PageLine } from "./page-lines";
import type { LeadModel } from "./lead-model";
import type { SubjectSpace } from "./subject-space";

/** How far back a cut sentence may wait for its continuation when another item's block broke in. */
const RESUME_WINDOW = 24;

/** Join strengths between pairs of lines of one page, computed once (the resume search asks often). */
export type JoinTable = (from: number, to: number) => JoinStrength;

/** Whether running text often puts the last character of one line before the first of another (char-pairs.ts). */
export type PairTable = (from: number, to: number) => "pair" | "none" | "rare";

/** Whether the last word of one line and the first of another make a pair running text often makes (word-pairs.ts). */
export type WordTable = (from: number, to: number) => WordJoin;

/** How many of the two character triples across the join of one line and another running text knows (char-triples.ts). */
export type TripleTable = (from: number, to: number) => 0 | 1 | 2;

/** A page's join look-ups, each pair of lines measured once: the features and the second look (swap-resumptions.ts) share them; and the subject space the features read. */
export type JoinTables = { join: JoinTable; pair: PairTable; words: WordTable; triples: TripleTable; subjects: SubjectSpace };

/**
 * What the join look-ups (and the subject features, subject-space.ts) read, counted over the
 * training months and shipped with the model; and the lead model the decoder adds to first-line
 * scores (lead-bonus.ts), null for a model file without one (format 7).
 */
export type JoinLexicon = { charPairs: CharPairs; wordPairs: WordPairs; charTriples: CharTriples; subjects: SubjectSpace; leads: LeadModel | null };

export function createJoinTables(lines: readonly PageLine[], { charPairs, wordPairs, charTriples, subjects }: JoinLexicon): JoinTables {
  const join: JoinTable = rememberPairs((from, to) => measureJoin(lines[from]!.norm, lines[to]!.norm));
  const triples: TripleTable = rememberPairs((from, to) => countJoinTriples(charTriples, lines[from]!.norm, lines[to]!.norm));
  let edges: ReturnType<typeof readEdgeWords> | undefined;
  const words: WordTable = (from, to) => {
    edges ??= readEdgeWords(lines.map((line) => line.norm));
    return readWordJoin(wordPairs, edges.last[from]!, edges.first[to]!);
  };
  return {
    join,
    pair: (from, to) => readJoinPair(charPairs, lines[from]!.norm, lines[to]!.norm),
    words,
    triples,
    subjects,
  };
}

/** A look-up per pair of lines, each pair measured once: the join score, the waiting lines and the pair features ask for the same pairs. */
function rememberPairs<T>(measure: (from: number, to: number) => T): (from: number, to: number) => T {
  const known = new Map<number, T>();
  return (from, to) => {
    const key = from * 100_000 + to;
    if (known.has(key)) return known.get(key)!;
    const value = measure(from, to);
    known.set(key, value);
    return value;
  };
}

/** A frequent pair across the join counts about as much as a dictionary word spanning it (dev pages). */
const PAIR_WEIGHT = 1.5;
/** So does each familiar triple across it: with it the waiting line a resumed column reads on from is picked in 120 of dev's 196 cases, against 103 without. */
const TRIPLE_WEIGHT = 1.5;

/** How well line `to` reads on from line `from`: the dictionary join's strength, plus PAIR_WEIGHT for a frequent pair and TRIPLE_WEIGHT per familiar triple. */
export function scoreJoin({ join, pair, triples }: JoinTables, from: number, to: number): number {
  return join(from, to) + (pair(from, to) === "pair" ? PAIR_WEIGHT : 0) + triples(from, to) * TRIPLE_WEIGHT;
}

/** A line reads on from another: a dictionary word spans the join, or its characters often meet in running text (a frequent pair, or both triples familiar). */
function readsOn({ join, pair, triples }: JoinTables, from: number, to: number): boolean {
  return join(from, to) >= 2 || pair(from, to) === "pair" || triples(from, to) === 2;
}

/**
 * An earlier line (not the one right before) whose sentence was cut and is continued by this
 * line through a dictionary word, while the line after it did not continue it: the mark of
 * interleaved columns, where another item's block broke into a sentence.
 */
export function findResumableLine(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, tables: JoinTables): { line: number; strength: JoinStrength; pair: string } | null {
  const { join, pair } = tables;
  let best: { line: number; strength: JoinStrength; pair: string; score: number } | null = null;
  for (let j = i - 2; j >= Math.max(0, i - RESUME_WINDOW); j--) {
    if (!observed[j]!.cut) continue;
    if (readsOn(tables, j, j + 1) || CONTINUATION_START.test(lines[j + 1]!.norm)) continue;
    const strength = join(j, i);
    const paired = pair(j, i);
    // A dictionary word across the join says more than a frequent pair; the nearest wins ties.
    const score = scoreJoin(tables, j, i);
    if (!best || score > best.score) best = { line: j, strength, pair: paired, score };
    if (strength === 3 && paired === "pair") break;
  }
  return best && { line: best.line, strength: best.strength, pair: best.pair };
}

/**
 * Whether a later line continues the cut sentence of the line before `i` (a dictionary word
 * across the join): then line `i` is likely another item's block breaking in.
 */
export function findLaterJoin(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, tables: JoinTables): "word" | "pair" | null {
  const { join, pair } = tables;
  let found: "word" | "pair" | null = null;
  for (let k = i + 1; k < Math.min(lines.length, i + RESUME_WINDOW); k++) {
    if (!observed[k - 1]!.cut || readsOn(tables, k - 1, k)) continue;
    if (join(i - 1, k) >= 2) return "word";
    if (pair(i - 1, k) === "pair") found = "pair";
  }
  return found;
}


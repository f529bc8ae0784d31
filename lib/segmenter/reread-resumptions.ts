import type { ReadOn } from "./swap-resumptions";

/**
 * Interleaved columns, weighed as whole readings. The model scores a `resume` line by the best
 * earlier cut it could continue, found before any line is labelled, so it cannot ask which item
 * is really waiting on a given reading. Here the few lines where a reading with `resume` comes
 * close to the best are read that way (the best label sequence that resumes there, by Viterbi
 * with that line fixed), the items that reading makes are put together, and each line whose
 * label changed is scored by how well it goes on from the text it is joined to in that reading:
 * words and frequent character pairs across the join, and — for resumed text — whether it shares
 * the subject of the item it resumes rather than of the lines right before it. A reading whose
 * joins read on better by more than its loss in model score is kept; up to two lines are so
 * resumed per page (an interleaved pair resumes twice).
 */

/** Where the text from line `i` on shares most: around line `j`, or in the lines between them. */
export type ContextShares = (j: number, i: number) => { earlier: number; recent: number };

export type Rereading = {
  /** Index of the `resume` label, and of the body labels (start, para, cont, resume). */
  resume: number;
  cont: number;
  body: readonly boolean[];
  best: number;
  /** Per line, how much the best reading beats the best with `resume` on that line. */
  resumeLoss: readonly number[];
  labels: readonly number[];
  decodeWith: (forced: ReadonlyMap<number, number>) => { labels: number[]; score: number };
  assign: (labels: readonly number[]) => readonly number[];
  readOn: ReadOn;
  context: ContextShares;
};

/** Lines considered per round: those where resuming costs least, and only below this loss. */
const CANDIDATES = 6;
const MAX_LOSS = 150;
const ROUNDS = 2;
/** Model score per read-on unit (a word across the join is 2–3, a frequent pair 1.5). */
const EVIDENCE_WEIGHT = 25;
/** Subject sharing in read-on units: a share gap of 0.1 counts 1.5. */
const CONTEXT_WEIGHT = 15;

/** The labels after rereading, and the lines whose label it changed. */
export function rereadResumptions(reading: Rereading): { labels: readonly number[]; changed: ReadonlySet<number> } {
  let labels = reading.labels;
  let items = reading.assign(labels);
  let score = reading.best;
  let forced = new Map<number, number>();
  const candidates = reading.resumeLoss
    .map((loss, line) => ({ loss, line }))
    .filter(({ loss, line }) => line >= 2 && loss > 0 && loss <= MAX_LOSS)
    .sort((a, b) => a.loss - b.loss)
    .slice(0, CANDIDATES * ROUNDS)
    .map(({ line }) => line);
  for (let round = 0; round < ROUNDS; round++) {
    let best: { value: number; labels: number[]; items: readonly number[]; score: number; forced: Map<number, number> } | null = null;
    for (const line of candidates) {
      if (labels[line] === reading.resume) continue;
      const tried = new Map(forced).set(line, reading.resume);
      const decoded = reading.decodeWith(tried);
      if (decoded.score === -Infinity) continue;
      const triedItems = reading.assign(decoded.labels);
      const gain = weighJoins(reading, decoded.labels, triedItems, labels) - weighJoins(reading, labels, items, decoded.labels);
      const value = EVIDENCE_WEIGHT * gain - (score - decoded.score);
      if (value > 0 && (!best || value > best.value)) best = { value, labels: decoded.labels, items: triedItems, score: decoded.score, forced: tried };
    }
    if (!best) break;
    ({ labels, items, score, forced } = best);
  }
  const changed = new Set<number>();
  labels.forEach((label, line) => label !== reading.labels[line] && changed.add(line));
  return { labels, changed };
}

/** How well the lines whose label differs from `other` read on from what this reading joins them to. */
function weighJoins(reading: Rereading, labels: readonly number[], items: readonly number[], other: readonly number[]): number {
  let sum = 0;
  labels.forEach((label, line) => {
    if (label === other[line] || line === 0) return;
    if (label === reading.cont) sum += reading.readOn(line - 1, line);
    if (label !== reading.resume) return;
    let cut = line - 1;
    while (cut >= 0 && !(items[cut] === items[line] && reading.body[labels[cut]!])) cut--;
    if (cut < 0) return;
    const shares = reading.context(cut, line);
    sum += reading.readOn(cut, line) + CONTEXT_WEIGHT * (shares.earlier - shares.recent);
  });
  return sum;
}

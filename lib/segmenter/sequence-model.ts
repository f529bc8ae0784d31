import { OPEN_STATES, readOpenColumnRules, stepOpenColumns, type OpenColumnRules } from "./open-columns";

/**
 * A linear-chain model over a page's lines: each line's label is scored from its features
 * (one weight per feature and label) plus a transition weight from the label before it and a
 * weight for the label given how many items wait for their interrupted column to resume
 * (`open-columns.ts`); the page's end is weighed by how many still wait. The best label sequence
 * is found by Viterbi over (label, waiting count). Max-marginals (the best score of any sequence
 * that gives a line a certain label) tell how sure the decoding is of each line: the margin
 * between the chosen label and the best other one.
 */

export type SequenceModel = {
  labels: readonly string[];
  /** Feature name → row in `weights`. */
  featureIndex: ReadonlyMap<string, number>;
  /** Row-major, features × labels. */
  weights: Float64Array;
  /** (labels + 1) × labels: row `labels.length` holds the start weights. */
  transitions: Float64Array;
  /** OPEN_STATES × labels: a label's weight given how many items wait (zero without a `resume` label). */
  openWeights: Float64Array;
  /** OPEN_STATES: the weight of ending the page with that many items waiting. */
  finalWeights: Float64Array;
};

export type Decoded = {
  labels: number[];
  /** Per line: best sequence score minus the best score with another label on that line (≥ 0). */
  margins: number[];
  /** Per line: the best other label. */
  runnersUp: number[];
  /** Per line and label: the best score of any sequence giving the line that label. */
  maxMarginals: Float64Array[];
};

/** Emission scores, lines × labels. */
export function scoreLines(model: SequenceModel, features: readonly (readonly string[])[]): Float64Array[] {
  const size = model.labels.length;
  return features.map((lineFeatures) => {
    const scores = new Float64Array(size);
    for (const feature of lineFeatures) {
      const row = model.featureIndex.get(feature);
      if (row === undefined) continue;
      const offset = row * size;
      for (let label = 0; label < size; label++) scores[label]! += model.weights[offset + label]!;
    }
    return scores;
  });
}

/** The lattice's shape: states are (label, waiting count), `width` counts per label. */
type Lattice = { size: number; width: number; rules: OpenColumnRules | null; unfinished: readonly boolean[] };

function toLattice(model: SequenceModel, unfinished: readonly boolean[] | undefined): Lattice {
  const rules = unfinished ? readOpenColumnRules(model.labels) : null;
  return { size: model.labels.length, width: rules ? OPEN_STATES : 1, rules, unfinished: unfinished ?? [] };
}

/**
 * The best label sequence alone (what training needs), by Viterbi. `unfinished` (per line: it
 * stops mid-sentence) turns on the waiting count; without it only labels and transitions count.
 */
export function decodeLabels(model: SequenceModel, emissions: readonly Float64Array[], unfinished?: readonly boolean[]): number[] {
  return runViterbi(model, emissions, toLattice(model, unfinished)).labels;
}

export function decodeSequence(model: SequenceModel, emissions: readonly Float64Array[], unfinished?: readonly boolean[]): Decoded {
  const lattice = toLattice(model, unfinished);
  const { size, width } = lattice;
  const n = emissions.length;
  if (n === 0) return { labels: [], margins: [], runnersUp: [], maxMarginals: [] };
  const { labels, forward } = runViterbi(model, emissions, lattice);
  const backward: Float64Array[] = new Array(n);
  backward[n - 1] = Float64Array.from({ length: size * width }, (_, state) => model.finalWeights[state % width]!);
  for (let i = n - 2; i >= 0; i--) {
    const scores = new Float64Array(size * width).fill(-Infinity);
    for (let state = 0; state < size * width; state++) {
      const label = Math.floor(state / width);
      const open = state % width;
      let best = -Infinity;
      for (let next = 0; next < size; next++) {
        const nextOpen = stepOpenColumns(lattice.rules, open, label, next, lattice.unfinished[i]!);
        if (nextOpen < 0) continue;
        const score = scoreStep(model, size, label, open, next) + emissions[i + 1]![next]! + backward[i + 1]![next * width + nextOpen]!;
        if (score > best) best = score;
      }
      scores[state] = best;
    }
    backward[i] = scores;
  }
  const margins: number[] = [];
  const runnersUp: number[] = [];
  const maxMarginals: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const chosen = labels[i]!;
    const marginals = new Float64Array(size).fill(-Infinity);
    for (let state = 0; state < size * width; state++) {
      const label = Math.floor(state / width);
      marginals[label] = Math.max(marginals[label]!, forward[i]![state]! + backward[i]![state]!);
    }
    maxMarginals.push(marginals);
    let other = -Infinity;
    let runnerUp = chosen;
    for (let label = 0; label < size; label++) {
      if (label === chosen) continue;
      if (marginals[label]! > other) {
        other = marginals[label]!;
        runnerUp = label;
      }
    }
    margins.push(Math.max(0, marginals[chosen]! - other));
    runnersUp.push(runnerUp);
  }
  return { labels, margins, runnersUp, maxMarginals };
}

/** Transition and waiting-count weights of going from `label` (with `open` waiting) to `next`. */
function scoreStep(model: SequenceModel, size: number, label: number, open: number, next: number): number {
  return model.transitions[label * size + next]! + model.openWeights[open * size + next]!;
}

/** Forward Viterbi scores per line and state, and the best path read back from its pointers. */
function runViterbi(model: SequenceModel, emissions: readonly Float64Array[], lattice: Lattice): { labels: number[]; forward: Float64Array[] } {
  const { size, width, rules, unfinished } = lattice;
  const states = size * width;
  const n = emissions.length;
  if (n === 0) return { labels: [], forward: [] };
  const forward: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const scores = new Float64Array(states).fill(-Infinity);
    const pointers = new Int32Array(states);
    for (let next = 0; next < size; next++) {
      if (i === 0) {
        const open = stepOpenColumns(rules, 0, null, next, false);
        if (open >= 0) scores[next * width + open] = scoreStep(model, size, size, 0, next);
        continue;
      }
      for (let state = 0; state < states; state++) {
        const previous = forward[i - 1]![state]!;
        if (previous === -Infinity) continue;
        const label = Math.floor(state / width);
        const open = state % width;
        const nextOpen = stepOpenColumns(rules, open, label, next, unfinished[i - 1]!);
        if (nextOpen < 0) continue;
        const score = previous + scoreStep(model, size, label, open, next);
        const target = next * width + nextOpen;
        if (score > scores[target]!) {
          scores[target] = score;
          pointers[target] = state;
        }
      }
    }
    for (let state = 0; state < states; state++) scores[state]! += emissions[i]![Math.floor(state / width)]!;
    forward.push(scores);
    back.push(pointers);
  }
  let last = 0;
  for (let state = 1; state < states; state++) {
    if (forward[n - 1]![state]! + model.finalWeights[state % width]! > forward[n - 1]![last]! + model.finalWeights[last % width]!) last = state;
  }
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i]![path[i]!]!;
  return { labels: path.map((state) => Math.floor(state / width)), forward };
}

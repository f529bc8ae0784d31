import { readOpenColumnRules } from "./open-columns";
import { countSlots, stepWaiting, type WaitingFrame, type WaitingRules } from "./waiting-lines";

/**
 * A linear-chain model over a page's lines: each line's label is scored from its features
 * (one weight per feature and label) plus a transition weight from the label before it, edge
 * features (`~…`: one weight per feature and pair of labels, so what the line shows can weigh
 * the step from the label before it, a CRF's observation-dependent transitions), a weight for
 * the label given whether a line waits for its interrupted column, and for a `resume` the
 * weights of its pair features with the very line it takes back (waiting-lines.ts). Dropping a
 * waiting line, or ending the page with one, is weighed too. The best label sequence is found
 * by Viterbi over (label, waiting line). Max-marginals (the best score of any sequence that
 * gives a line a certain label) tell how sure the decoding is of each line: the margin between
 * the chosen label and the best other one.
 */

export type SequenceModel = {
  labels: readonly string[];
  /** Feature name → row in `weights`. */
  featureIndex: ReadonlyMap<string, number>;
  /** Row-major, features × labels. */
  weights: Float64Array;
  /** (labels + 1) × labels: row `labels.length` holds the start weights. */
  transitions: Float64Array;
  /** Edge feature name (it starts with EDGE_PREFIX) → row in `edgeWeights`. */
  edgeIndex: ReadonlyMap<string, number>;
  /** Row-major, edge features × labels × labels (label before, label). */
  edgeWeights: Float64Array;
  /** Resume pair feature name (waiting-lines.ts) → its weight's place in `pairWeights`. */
  pairIndex: ReadonlyMap<string, number>;
  pairWeights: Float64Array;
  /** WAIT_STATES × labels: a label's weight given whether a line waits (zero without a `resume` label). */
  openWeights: Float64Array;
  /** WAIT_STATES: the weight of ending the page with no line or a line waiting; the second is also the cost of dropping one. */
  finalWeights: Float64Array;
};

/** No line waits, or one does. */
export const WAIT_STATES = 2;

/** Features that weigh the step into a line (label before × label) rather than the line's label alone. */
export const EDGE_PREFIX = "~";

/**
 * A page's scores: per line its labels' emission scores; the edge scores of the step into it
 * (labels × labels, by label before; null when no edge feature of the line has a weight); and
 * per line the score of resuming each line that may wait before it (`waiting[i − 1]`).
 */
export type PageScores = { emissions: Float64Array[]; edges: (Float64Array | null)[]; resumes: (Float64Array | null)[] };

export type Decoded = {
  labels: number[];
  /** Per line: best sequence score minus the best score with another label on that line (≥ 0). */
  margins: number[];
  /** Per line: the best other label. */
  runnersUp: number[];
  /** Per line and label: the best score of any sequence giving the line that label. */
  maxMarginals: Float64Array[];
};

/** `resumePairs`: per line, the pair features of each line that may wait before it (describeResumePairs). */
export function scoreLines(model: SequenceModel, features: readonly (readonly string[])[], resumePairs?: readonly (readonly (readonly string[])[])[]): PageScores {
  const size = model.labels.length;
  const emissions: Float64Array[] = [];
  const edges: (Float64Array | null)[] = [];
  for (const lineFeatures of features) {
    const scores = new Float64Array(size);
    let edge: Float64Array | null = null;
    for (const feature of lineFeatures) {
      if (feature.startsWith(EDGE_PREFIX)) {
        const row = model.edgeIndex.get(feature);
        if (row === undefined) continue;
        edge ??= new Float64Array(size * size);
        addRow(edge, model.edgeWeights, row * size * size);
        continue;
      }
      const row = model.featureIndex.get(feature);
      if (row === undefined) continue;
      addRow(scores, model.weights, row * size);
    }
    emissions.push(scores);
    edges.push(edge);
  }
  const resumes = features.map((_, i) => {
    const options = resumePairs?.[i];
    if (!options || options.length === 0) return null;
    return Float64Array.from(options, (pairFeatures) => pairFeatures.reduce((sum, feature) => sum + readWeight(model.pairWeights, model.pairIndex.get(feature)), 0));
  });
  return { emissions, edges, resumes };
}

function readWeight(weights: Float64Array, at: number | undefined): number {
  return at === undefined ? 0 : weights[at]!;
}

function addRow(target: Float64Array, weights: Float64Array, offset: number): void {
  for (let at = 0; at < target.length; at++) target[at]! += weights[offset + at]!;
}

/** The lattice: per line, states are label × slot (waiting-lines.ts); without a frame one slot. */
type Lattice = { size: number; rules: WaitingRules | null; frame: WaitingFrame | null; scores: PageScores };

function toLattice(model: SequenceModel, scores: PageScores, frame: WaitingFrame | undefined): Lattice {
  const rules = frame ? readOpenColumnRules(model.labels) : null;
  return { size: model.labels.length, rules, frame: rules && frame ? frame : null, scores };
}

/** A path through the lattice: per line its label and slot. */
export type LatticePath = { labels: number[]; slots: number[] };

/**
 * The best label sequence alone (what training needs), by Viterbi. `frame` (the page's
 * unfinished and waiting lines) turns on the waiting state; without it only labels, edges and
 * transitions count.
 */
export function decodeLabels(model: SequenceModel, scores: PageScores, frame?: WaitingFrame): LatticePath {
  return runViterbi(model, toLattice(model, scores, frame)).path;
}

export function decodeSequence(model: SequenceModel, scores: PageScores, frame?: WaitingFrame): Decoded {
  const lattice = toLattice(model, scores, frame);
  const { size } = lattice;
  const n = scores.emissions.length;
  if (n === 0) return { labels: [], margins: [], runnersUp: [], maxMarginals: [] };
  const steps = buildSteps(model, lattice);
  const { path, forward } = runViterbi(model, lattice, steps);
  const backward: Float64Array[] = new Array(n);
  const lastWidth = countSlots(lattice.frame, n - 1);
  backward[n - 1] = Float64Array.from({ length: size * lastWidth }, (_, state) => finalWeight(model, lattice, state % lastWidth));
  for (let i = n - 2; i >= 0; i--) {
    const width = countSlots(lattice.frame, i);
    const nextWidth = countSlots(lattice.frame, i + 1);
    const scores = new Float64Array(size * width).fill(-Infinity);
    const { codes, gains } = steps;
    const base = steps.offsets[i]!;
    const emissions = lattice.scores.emissions[i + 1]!;
    const later = backward[i + 1]!;
    for (let state = 0; state < size * width; state++) {
      let best = -Infinity;
      for (let next = 0, at = base + state * size; next < size; next++, at++) {
        const code = codes[at]!;
        if (code < 0) continue;
        const score = gains[at]! + emissions[next]! + later[next * nextWidth + (code >> 1)]!;
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
    const width = countSlots(lattice.frame, i);
    const chosen = path.labels[i]!;
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
  return { labels: path.labels, margins, runnersUp, maxMarginals };
}

function finalWeight(model: SequenceModel, lattice: Lattice, slot: number): number {
  return lattice.frame ? model.finalWeights[slot > 0 ? 1 : 0]! : 0;
}

/**
 * Every step of the page worked out once for the forward and the backward pass: per line i
 * (the step to line i + 1), per state of line i and next label, stepWaiting's code and the step's gain.
 */
type Steps = { codes: Int32Array; gains: Float64Array; offsets: Int32Array };

function buildSteps(model: SequenceModel, lattice: Lattice): Steps {
  const { size, frame, rules } = lattice;
  const n = lattice.scores.emissions.length;
  const resume = rules && frame ? rules.resume : -1;
  const dropped = model.finalWeights[1] ?? 0;
  // One buffer for the whole page: per line i, size × slots × size entries from offsets[i].
  const offsets = new Int32Array(Math.max(1, n));
  for (let i = 0; i + 1 < n; i++) offsets[i + 1] = offsets[i]! + size * countSlots(frame, i) * size;
  const total = n > 1 ? offsets[n - 1]! : 0;
  const codes = new Int32Array(total);
  const gains = new Float64Array(total);
  for (let i = 0; i + 1 < n; i++) {
    const width = countSlots(frame, i);
    const edge = lattice.scores.edges[i + 1];
    const pairs = lattice.scores.resumes[i + 1];
    for (let state = 0, at = offsets[i]!; state < size * width; state++) {
      const label = Math.floor(state / width);
      const slot = state % width;
      const open = slot > 0 ? size : 0;
      for (let next = 0; next < size; next++, at++) {
        const code = stepWaiting(rules, frame, i, label, slot, next);
        codes[at] = code;
        if (code < 0) continue;
        // Transition, edge features, waiting state, the resumed pair, a dropped waiting line.
        let gain = model.transitions[label * size + next]! + model.openWeights[open + next]!;
        if (edge) gain += edge[label * size + next]!;
        if (next === resume) gain += pairs?.[slot - 1] ?? 0;
        if (code & 1) gain += dropped;
        gains[at] = gain;
      }
    }
  }
  return { codes, gains, offsets };
}

/** Forward Viterbi scores per line and state, and the best path read back from its pointers. */
function runViterbi(model: SequenceModel, lattice: Lattice, steps: Steps = buildSteps(model, lattice)): { path: LatticePath; forward: Float64Array[] } {
  const { size, frame } = lattice;
  const emissions = lattice.scores.emissions;
  const n = emissions.length;
  if (n === 0) return { path: { labels: [], slots: [] }, forward: [] };
  const forward: Float64Array[] = [];
  const back: Int32Array[] = [];
  const first = new Float64Array(size * countSlots(frame, 0)).fill(-Infinity);
  const width0 = countSlots(frame, 0);
  for (let next = 0; next < size; next++) {
    if (lattice.rules && frame && next === lattice.rules.resume) continue;
    first[next * width0] = model.transitions[size * size + next]! + model.openWeights[next]! + emissions[0]![next]!;
  }
  forward.push(first);
  back.push(new Int32Array(first.length));
  for (let i = 1; i < n; i++) {
    const width = countSlots(frame, i - 1);
    const nextWidth = countSlots(frame, i);
    const scores = new Float64Array(size * nextWidth).fill(-Infinity);
    const pointers = new Int32Array(size * nextWidth);
    const { codes, gains } = steps;
    const base = steps.offsets[i - 1]!;
    for (let state = 0; state < size * width; state++) {
      const previous = forward[i - 1]![state]!;
      if (previous === -Infinity) continue;
      for (let next = 0, at = base + state * size; next < size; next++, at++) {
        const code = codes[at]!;
        if (code < 0) continue;
        const score = previous + gains[at]!;
        const target = next * nextWidth + (code >> 1);
        if (score > scores[target]!) {
          scores[target] = score;
          pointers[target] = state;
        }
      }
    }
    for (let state = 0; state < scores.length; state++) scores[state]! += emissions[i]![Math.floor(state / nextWidth)]!;
    forward.push(scores);
    back.push(pointers);
  }
  const lastWidth = countSlots(frame, n - 1);
  let last = 0;
  for (let state = 1; state < size * lastWidth; state++) {
    if (forward[n - 1]![state]! + finalWeight(model, lattice, state % lastWidth) > forward[n - 1]![last]! + finalWeight(model, lattice, last % lastWidth)) last = state;
  }
  const states = new Array<number>(n);
  states[n - 1] = last;
  for (let i = n - 1; i > 0; i--) states[i - 1] = back[i]![states[i]!]!;
  const labels = states.map((state, i) => Math.floor(state / countSlots(frame, i)));
  const slots = states.map((state, i) => state % countSlots(frame, i));
  return { path: { labels, slots }, forward };
}

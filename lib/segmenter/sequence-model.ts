/**
 * A linear-chain model over a page's lines: each line's label is scored from its features
 * (one weight per feature and label) plus a transition weight from the label before it, and
 * the best label sequence is found by Viterbi. Max-marginals (the best score of any sequence
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

/** The best label sequence alone (what training needs), by Viterbi. */
export function decodeLabels(model: SequenceModel, emissions: readonly Float64Array[]): number[] {
  return runViterbi(model, emissions).labels;
}

export function decodeSequence(model: SequenceModel, emissions: readonly Float64Array[]): Decoded {
  const size = model.labels.length;
  const n = emissions.length;
  if (n === 0) return { labels: [], margins: [], runnersUp: [], maxMarginals: [] };
  const { labels, forward } = runViterbi(model, emissions);
  const backward: Float64Array[] = new Array(n);
  backward[n - 1] = new Float64Array(size);
  for (let i = n - 2; i >= 0; i--) {
    const scores = new Float64Array(size);
    for (let label = 0; label < size; label++) {
      let best = -Infinity;
      for (let next = 0; next < size; next++) {
        const score = model.transitions[label * size + next]! + emissions[i + 1]![next]! + backward[i + 1]![next]!;
        if (score > best) best = score;
      }
      scores[label] = best;
    }
    backward[i] = scores;
  }
  const margins: number[] = [];
  const runnersUp: number[] = [];
  const maxMarginals: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const chosen = labels[i]!;
    const marginals = forward[i]!.map((score, label) => score + backward[i]![label]!);
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

/** Forward Viterbi scores per line and label, and the best path read back from its pointers. */
function runViterbi(model: SequenceModel, emissions: readonly Float64Array[]): { labels: number[]; forward: Float64Array[] } {
  const size = model.labels.length;
  const n = emissions.length;
  if (n === 0) return { labels: [], forward: [] };
  const transition = (from: number, to: number) => model.transitions[from * size + to]!;
  const forward: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const scores = new Float64Array(size);
    const pointers = new Int32Array(size);
    for (let label = 0; label < size; label++) {
      let best = -Infinity;
      let from = 0;
      if (i === 0) best = transition(size, label);
      else {
        for (let previous = 0; previous < size; previous++) {
          const score = forward[i - 1]![previous]! + transition(previous, label);
          if (score > best) {
            best = score;
            from = previous;
          }
        }
      }
      scores[label] = best + emissions[i]![label]!;
      pointers[label] = from;
    }
    forward.push(scores);
    back.push(pointers);
  }
  const labels = new Array<number>(n);
  labels[n - 1] = argMax(forward[n - 1]!);
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i]![labels[i]!]!;
  return { labels, forward };
}

function argMax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

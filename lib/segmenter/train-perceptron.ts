import { createRandom } from "@/lib/random/seeded-random";
import { readOpenColumnRules } from "./open-columns";
import { decodeLabels, EDGE_PREFIX, WAIT_STATES, type LatticePath, type PageScores, type SequenceModel } from "./sequence-model";
import { stepWaiting, type WaitingFrame } from "./waiting-lines";

/**
 * Averaged structured perceptron (Collins 2002) for `SequenceModel`: decode each training
 * sequence with the current weights, and where the decoding differs from the gold labels add
 * the gold features and steps (transitions, edge features' label pairs, waiting states, resume
 * pairs; see waiting-lines.ts) and subtract the decoded ones. The weights kept are the average
 * over all steps, which generalises far better than the last ones. Deterministic: the order of
 * sequences per epoch comes from a seeded generator, and features are indexed in order of first
 * appearance.
 */

export type TrainingSequence = {
  features: readonly (readonly string[])[];
  labels: readonly number[];
  /** The page's unfinished and waiting lines; left out, nothing waits (no waiting state, no resume pairs). */
  frame?: WaitingFrame;
  /** Per line, the pair features of each line that may wait before it (describeResumePairs). */
  resumePairs?: readonly (readonly (readonly string[])[])[];
};

export type TrainingOptions = {
  labels: readonly string[];
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are left out (they only add noise and size). */
  minFeatureCount: number;
};

type CompiledSequence = {
  rows: Int32Array[];
  edgeRows: Int32Array[];
  /** Per line and waiting option, the pair feature rows. */
  pairRows: Int32Array[][];
  labels: readonly number[];
  frame: WaitingFrame | undefined;
  gold: LatticePath;
};

/** A weight vector with the lazy sums averaging needs: `total = sum + weight × (now − stamp)`. */
type Averaged = { values: Float64Array; sums: Float64Array; stamps: Float64Array };

function createAveraged(length: number): Averaged {
  return { values: new Float64Array(length), sums: new Float64Array(length), stamps: new Float64Array(length) };
}

export function trainPerceptron(sequences: readonly TrainingSequence[], options: TrainingOptions): SequenceModel {
  const featureIndex = indexFeatures(sequences.map((sequence) => sequence.features.map((line) => line.filter((feature) => !feature.startsWith(EDGE_PREFIX)))), options.minFeatureCount);
  const edgeIndex = indexFeatures(sequences.map((sequence) => sequence.features.map((line) => line.filter((feature) => feature.startsWith(EDGE_PREFIX)))), options.minFeatureCount);
  const pairIndex = indexFeatures(sequences.map((sequence) => (sequence.resumePairs ?? []).flat()), options.minFeatureCount);
  const rules = readOpenColumnRules(options.labels);
  const size = options.labels.length;
  const compiled: CompiledSequence[] = sequences.map((sequence) => ({
    rows: sequence.features.map((features) => compileRows(features, featureIndex)),
    edgeRows: sequence.features.map((features) => compileRows(features, edgeIndex)),
    pairRows: sequence.features.map((_, i) => (sequence.resumePairs?.[i] ?? []).map((pairFeatures) => compileRows(pairFeatures, pairIndex))),
    labels: sequence.labels,
    frame: sequence.frame,
    gold: traceSlots(sequence.labels, sequence.frame),
  }));
  const weights = createAveraged(featureIndex.size * size);
  const transitions = createAveraged((size + 1) * size);
  const edges = createAveraged(edgeIndex.size * size * size);
  const pairs = createAveraged(pairIndex.size);
  const open = createAveraged(WAIT_STATES * size);
  const final = createAveraged(WAIT_STATES);
  const model: SequenceModel = {
    labels: options.labels,
    featureIndex,
    weights: weights.values,
    transitions: transitions.values,
    edgeIndex,
    edgeWeights: edges.values,
    pairIndex,
    pairWeights: pairs.values,
    openWeights: open.values,
    finalWeights: final.values,
  };
  const random = createRandom(options.seed);
  let step = 1;

  const update = (vector: Averaged, at: number, delta: number) => {
    vector.sums[at]! += vector.values[at]! * (step - vector.stamps[at]!);
    vector.stamps[at] = step;
    vector.values[at]! += delta;
  };
  /** Adds `delta` × the weights of the step into line i along `path` (from its start at line 0). */
  const updateStep = (sequence: CompiledSequence, path: LatticePath, i: number, delta: number) => {
    const label = path.labels[i]!;
    if (i === 0) {
      update(transitions, size * size + label, delta);
      update(open, label, delta);
      return;
    }
    const before = path.labels[i - 1]!;
    const slot = path.slots[i - 1]!;
    update(transitions, before * size + label, delta);
    for (const row of sequence.edgeRows[i]!) update(edges, (row * size + before) * size + label, delta);
    // As the decoder does: the waiting-state weight counts on every step (slot 0 without a frame).
    update(open, (slot > 0 ? size : 0) + label, delta);
    if (!sequence.frame || !rules) return;
    const moved = stepWaiting(rules, sequence.frame, i - 1, before, slot, label);
    if (label === rules.resume && slot > 0) for (const row of sequence.pairRows[i]![slot - 1] ?? []) update(pairs, row, delta);
    if (moved > 0 && moved & 1) update(final, 1, delta);
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffleIndices(compiled.length, random)) {
      const sequence = compiled[index]!;
      const predicted = decodeLabels(model, scoreCompiled(model, sequence), sequence.frame);
      const { gold } = sequence;
      const n = sequence.labels.length;
      if (sequence.frame && n > 0) {
        const goldEnd = gold.slots[n - 1]! > 0 ? 1 : 0;
        const guessEnd = predicted.slots[n - 1]! > 0 ? 1 : 0;
        if (goldEnd !== guessEnd) {
          update(final, goldEnd, 1);
          update(final, guessEnd, -1);
        }
      }
      for (let i = 0; i < n; i++) {
        const same = (at: number) => gold.labels[at] === predicted.labels[at] && gold.slots[at] === predicted.slots[at];
        if (same(i) && (i === 0 || same(i - 1))) continue;
        updateStep(sequence, gold, i, 1);
        updateStep(sequence, predicted, i, -1);
        const goldLabel = gold.labels[i]!;
        const guess = predicted.labels[i]!;
        if (goldLabel === guess) continue;
        for (const row of sequence.rows[i]!) {
          update(weights, row * size + goldLabel, 1);
          update(weights, row * size + guess, -1);
        }
      }
      step++;
    }
  }
  return {
    ...model,
    weights: average(weights, step),
    transitions: average(transitions, step),
    edgeWeights: average(edges, step),
    pairWeights: average(pairs, step),
    openWeights: average(open, step),
    finalWeights: average(final, step),
  };

  /** The gold labels' slots: each step as the decoder would take it; a `resume` with nothing waiting (a cut that looked finished) takes nothing. */
  function traceSlots(labels: readonly number[], frame: WaitingFrame | undefined): LatticePath {
    const slots: number[] = [];
    labels.forEach((label, i) => {
      if (i === 0 || !frame || !rules) return slots.push(0);
      const moved = stepWaiting(rules, frame, i - 1, labels[i - 1]!, slots[i - 1]!, label);
      slots.push(moved < 0 ? 0 : moved >> 1);
    });
    return { labels: [...labels], slots };
  }
}

/** Features seen at least `minCount` times, in order of first appearance. */
function indexFeatures(sequences: readonly (readonly (readonly string[])[])[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lines of sequences) for (const features of lines) for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [feature, count] of counts) if (count >= minCount) index.set(feature, index.size);
  return index;
}

function compileRows(features: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  const rows: number[] = [];
  for (const feature of features) {
    const row = index.get(feature);
    if (row !== undefined) rows.push(row);
  }
  return Int32Array.from(rows);
}

function scoreCompiled(model: SequenceModel, sequence: CompiledSequence): PageScores {
  const size = model.labels.length;
  const emissions = sequence.rows.map((lineRows) => {
    const scores = new Float64Array(size);
    for (const row of lineRows) {
      const offset = row * size;
      for (let label = 0; label < size; label++) scores[label]! += model.weights[offset + label]!;
    }
    return scores;
  });
  const square = size * size;
  const edges = sequence.edgeRows.map((lineRows) => {
    if (lineRows.length === 0) return null;
    const scores = new Float64Array(square);
    for (const row of lineRows) {
      const offset = row * square;
      for (let at = 0; at < square; at++) scores[at]! += model.edgeWeights[offset + at]!;
    }
    return scores;
  });
  const resumes = sequence.pairRows.map((options) =>
    options.length === 0 ? null : Float64Array.from(options, (rows) => rows.reduce((sum, row) => sum + model.pairWeights[row]!, 0)),
  );
  return { emissions, edges, resumes };
}

function shuffleIndices(length: number, random: () => number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function average({ values, sums, stamps }: Averaged, now: number): Float64Array {
  const averaged = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) averaged[i] = (sums[i]! + values[i]! * (now - stamps[i]!)) / now;
  return averaged;
}

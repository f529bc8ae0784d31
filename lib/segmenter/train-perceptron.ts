import { createRandom } from "@/lib/random/seeded-random";
import { OPEN_STATES, readOpenColumnRules, traceOpenColumns } from "./open-columns";
import { decodeLabels, type SequenceModel } from "./sequence-model";

/**
 * Averaged structured perceptron (Collins 2002) for `SequenceModel`: decode each training
 * sequence with the current weights, and where the decoding differs from the gold labels add
 * the gold features and transitions (and waiting-count weights, see open-columns.ts) and
 * subtract the decoded ones. The weights kept are the
 * average over all steps, which generalises far better than the last ones. Deterministic: the
 * order of sequences per epoch comes from a seeded generator, and features are indexed in
 * order of first appearance.
 */

export type TrainingSequence = {
  features: readonly (readonly string[])[];
  labels: readonly number[];
  /** Per line: it stops mid-sentence (`markUnfinished`); left out, waiting counts are not used. */
  unfinished?: readonly boolean[];
};

export type TrainingOptions = {
  labels: readonly string[];
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are left out (they only add noise and size). */
  minFeatureCount: number;
};

type CompiledSequence = { rows: Int32Array[]; labels: readonly number[]; unfinished: readonly boolean[] | undefined; goldOpen: number[] };

export function trainPerceptron(sequences: readonly TrainingSequence[], options: TrainingOptions): SequenceModel {
  const featureIndex = indexFeatures(sequences, options.minFeatureCount);
  const rules = readOpenColumnRules(options.labels);
  const compiled: CompiledSequence[] = sequences.map((sequence) => ({
    rows: sequence.features.map((features) => compileRows(features, featureIndex)),
    labels: sequence.labels,
    unfinished: sequence.unfinished,
    goldOpen: traceOpenColumns(sequence.unfinished ? rules : null, sequence.labels, sequence.unfinished ?? []),
  }));
  const size = options.labels.length;
  const weights = new Float64Array(featureIndex.size * size);
  const transitions = new Float64Array((size + 1) * size);
  // Sums for averaging, kept lazily: `total = sum + weight × (now − stamp)`.
  const weightSums = new Float64Array(weights.length);
  const weightStamps = new Float64Array(weights.length);
  const transitionSums = new Float64Array(transitions.length);
  const transitionStamps = new Float64Array(transitions.length);
  const openWeights = new Float64Array(OPEN_STATES * size);
  const finalWeights = new Float64Array(OPEN_STATES);
  const openSums = new Float64Array(openWeights.length);
  const openStamps = new Float64Array(openWeights.length);
  const finalSums = new Float64Array(finalWeights.length);
  const finalStamps = new Float64Array(finalWeights.length);
  const model: SequenceModel = { labels: options.labels, featureIndex, weights, transitions, openWeights, finalWeights };
  const random = createRandom(options.seed);
  let step = 1;

  const update = (values: Float64Array, sums: Float64Array, stamps: Float64Array, at: number, delta: number) => {
    sums[at]! += values[at]! * (step - stamps[at]!);
    stamps[at] = step;
    values[at]! += delta;
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffleIndices(compiled.length, random)) {
      const sequence = compiled[index]!;
      const predicted = decodeLabels(model, scoreCompiled(model, sequence.rows), sequence.unfinished);
      const guessOpen = traceOpenColumns(sequence.unfinished ? rules : null, predicted, sequence.unfinished ?? []);
      const n = sequence.labels.length;
      if (sequence.goldOpen[n] !== guessOpen[n]) {
        update(finalWeights, finalSums, finalStamps, sequence.goldOpen[n]!, 1);
        update(finalWeights, finalSums, finalStamps, guessOpen[n]!, -1);
      }
      for (let i = 0; i < n; i++) {
        const gold = sequence.labels[i]!;
        const guess = predicted[i]!;
        if (gold !== guess || sequence.goldOpen[i] !== guessOpen[i]) {
          update(openWeights, openSums, openStamps, sequence.goldOpen[i]! * size + gold, 1);
          update(openWeights, openSums, openStamps, guessOpen[i]! * size + guess, -1);
        }
        const goldFrom = i === 0 ? size : sequence.labels[i - 1]!;
        const guessFrom = i === 0 ? size : predicted[i - 1]!;
        if (gold === guess && goldFrom === guessFrom) continue;
        update(transitions, transitionSums, transitionStamps, goldFrom * size + gold, 1);
        update(transitions, transitionSums, transitionStamps, guessFrom * size + guess, -1);
        if (gold === guess) continue;
        for (const row of sequence.rows[i]!) {
          update(weights, weightSums, weightStamps, row * size + gold, 1);
          update(weights, weightSums, weightStamps, row * size + guess, -1);
        }
      }
      step++;
    }
  }
  return {
    labels: options.labels,
    featureIndex,
    weights: average(weights, weightSums, weightStamps, step),
    transitions: average(transitions, transitionSums, transitionStamps, step),
    openWeights: average(openWeights, openSums, openStamps, step),
    finalWeights: average(finalWeights, finalSums, finalStamps, step),
  };
}

function indexFeatures(sequences: readonly TrainingSequence[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sequence of sequences) {
    for (const features of sequence.features) for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
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

function scoreCompiled(model: SequenceModel, rows: readonly Int32Array[]): Float64Array[] {
  const size = model.labels.length;
  return rows.map((lineRows) => {
    const scores = new Float64Array(size);
    for (const row of lineRows) {
      const offset = row * size;
      for (let label = 0; label < size; label++) scores[label]! += model.weights[offset + label]!;
    }
    return scores;
  });
}

function shuffleIndices(length: number, random: () => number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function average(values: Float64Array, sums: Float64Array, stamps: Float64Array, now: number): Float64Array {
  const averaged = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) averaged[i] = (sums[i]! + values[i]! * (now - stamps[i]!)) / now;
  return averaged;
}

import { readFileSync } from "node:fs";
import { z } from "zod";
import { decodeCharPairs, type CharPairs, type CharPairsFile } from "./char-pairs";
import type { SequenceModel } from "./sequence-model";

/**
 * The trained segmenter as shipped: `lib/segmenter/model.json`, written by
 * `npm run train:segmenter` (ingest/train-segmenter.ts) and loaded by ingest. Weights are
 * stored in thousandths, per feature only for the labels where they are not zero, so the file
 * stays small and the same training run always writes the same bytes.
 */

export const MODEL_PATH = new URL("./model.json", import.meta.url);
const SCALE = 1000;

const modelFileSchema = z.object({
  format: z.literal(2),
  /** How the weights were made: enough to reproduce them (the test retrains and compares). */
  training: z.record(z.string(), z.unknown()),
  labels: z.array(z.string()),
  /** (labels + 1) × labels, the last row the start weights, in thousandths. */
  transitions: z.array(z.number().int()),
  /** OPEN_STATES × labels: a label's weight given how many items wait for their column (open-columns.ts), in thousandths. */
  openWeights: z.array(z.number().int()),
  /** OPEN_STATES: the weight of ending a page with that many items waiting, in thousandths. */
  finalWeights: z.array(z.number().int()),
  /** The character-pair table the features read (char-pairs.ts). */
  charPairs: z.object({ chars: z.string(), pairs: z.string() }),
  /** [feature, [label, weight, label, weight, …]] in thousandths. */
  features: z.array(z.tuple([z.string(), z.array(z.number().int())])),
});

export type ModelFile = z.infer<typeof modelFileSchema>;

export function toModelFile(model: SequenceModel, training: Record<string, unknown>, charPairs: CharPairsFile): ModelFile {
  const size = model.labels.length;
  const features: ModelFile["features"] = [];
  for (const [feature, row] of model.featureIndex) {
    const sparse: number[] = [];
    for (let label = 0; label < size; label++) {
      const weight = Math.round(model.weights[row * size + label]! * SCALE);
      if (weight !== 0) sparse.push(label, weight);
    }
    if (sparse.length > 0) features.push([feature, sparse]);
  }
  return {
    format: 2,
    training,
    labels: [...model.labels],
    transitions: Array.from(model.transitions, (weight) => Math.round(weight * SCALE)),
    openWeights: Array.from(model.openWeights, (weight) => Math.round(weight * SCALE)),
    finalWeights: Array.from(model.finalWeights, (weight) => Math.round(weight * SCALE)),
    charPairs,
    features,
  };
}

export function fromModelFile(file: ModelFile): SequenceModel {
  const size = file.labels.length;
  const featureIndex = new Map<string, number>();
  const weights = new Float64Array(file.features.length * size);
  file.features.forEach(([feature, sparse], row) => {
    featureIndex.set(feature, row);
    for (let at = 0; at + 1 < sparse.length; at += 2) weights[row * size + sparse[at]!] = sparse[at + 1]! / SCALE;
  });
  return {
    labels: file.labels,
    featureIndex,
    weights,
    transitions: Float64Array.from(file.transitions, (weight) => weight / SCALE),
    openWeights: Float64Array.from(file.openWeights, (weight) => weight / SCALE),
    finalWeights: Float64Array.from(file.finalWeights, (weight) => weight / SCALE),
  };
}

/** The model file as one line per feature: diffs stay readable and the bytes are reproducible. */
export function serializeModelFile(file: ModelFile): string {
  const head = JSON.stringify({
    format: file.format,
    training: file.training,
    labels: file.labels,
    transitions: file.transitions,
    openWeights: file.openWeights,
    finalWeights: file.finalWeights,
    charPairs: file.charPairs,
  });
  const rows = file.features.map((entry) => JSON.stringify(entry));
  return `${head.slice(0, -1)},"features":[\n${rows.join(",\n")}\n]}\n`;
}

export function parseModelFile(text: string): ModelFile {
  return modelFileSchema.parse(JSON.parse(text));
}

let shipped: { model: SequenceModel; charPairs: CharPairs } | undefined;

function loadShipped(): { model: SequenceModel; charPairs: CharPairs } {
  if (shipped) return shipped;
  const file = parseModelFile(readFileSync(MODEL_PATH, "utf8"));
  shipped = { model: fromModelFile(file), charPairs: decodeCharPairs(file.charPairs) };
  return shipped;
}

/** The shipped model, read once per process. */
export function loadShippedModel(): SequenceModel {
  return loadShipped().model;
}

/** The character-pair table shipped with the model (the features it was trained on read it). */
export function loadShippedCharPairs(): CharPairs {
  return loadShipped().charPairs;
}

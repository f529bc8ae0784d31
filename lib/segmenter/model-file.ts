import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { decodeCharPairs, type CharPairsFile } from "./char-pairs";
import { decodeCharTriples, type CharTriplesFile } from "./char-triples";
import type { JoinLexicon } from "./resume-evidence";
import { decodeLeadModel, type LeadModelFile } from "./lead-model";
import { decodeSubjectSpace, type SubjectSpaceFile } from "./subject-space";
import type { SequenceModel } from "./sequence-model";
import { decodeWordPairs, type WordPairsFile } from "./word-pairs";

/**
 * The trained segmenter as shipped: `lib/segmenter/model.json.gz`, written by
 * `npm run train:segmenter` (ingest/train-segmenter.ts) and loaded by ingest. Weights are
 * stored in thousandths, per feature only for the labels where they are not zero, so the file
 * stays small and the same training run always writes the same text.
 */

export const MODEL_PATH = new URL("./model.json.gz", import.meta.url);

/**
 * The model file's text. The shipped file is gzipped: its JSON is 2.3 MB, 1.5 MB gzipped (most
 * of it the pair filters' random bits, which do not compress). Compared as text, never as gzip
 * bytes, since another zlib may compress the same text differently. Other files (`--out`,
 * `--model`) are gzipped when their name ends in .gz.
 */
export function readModelText(path: URL | string): string {
  const bytes = readFileSync(path);
  return String(path).endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
}

export function writeModelText(path: URL | string, text: string): void {
  writeFileSync(path, String(path).endsWith(".gz") ? gzipSync(text, { level: 9 }) : text);
}

const SCALE = 1000;

const pairFilterSchema = z.object({ bits: z.number().int().positive(), hashes: z.number().int().positive(), filter: z.string() });

const modelFileSchema = z.object({
  /** 8 adds the lead model; files of format 7 (without it) still load, for comparison with --model. */
  format: z.union([z.literal(7), z.literal(8)]),
  /** How the weights were made: enough to reproduce them (the test retrains and compares). */
  training: z.record(z.string(), z.unknown()),
  labels: z.array(z.string()),
  /** (labels + 1) × labels, the last row the start weights, in thousandths. */
  transitions: z.array(z.number().int()),
  /** WAIT_STATES × labels: a label's weight given whether a line waits for its column (waiting-lines.ts), in thousandths. */
  openWeights: z.array(z.number().int()),
  /** WAIT_STATES: the weight of ending a page with no line or a line waiting (the second also of dropping one), in thousandths. */
  finalWeights: z.array(z.number().int()),
  /** [resume pair feature, weight in thousandths] (waiting-lines.ts). */
  pairs: z.array(z.tuple([z.string(), z.number().int()])),
  /** The character-pair table the features read (char-pairs.ts). */
  charPairs: z.object({ chars: z.string(), pairs: z.string() }),
  /** The word-pair filter the features read (word-pairs.ts). */
  wordPairs: pairFilterSchema,
  /** The character-triple filter the features read (char-triples.ts). */
  charTriples: pairFilterSchema,
  /** The word space the subject features read (subject-space.ts). */
  subjectSpace: z.object({ dims: z.number().int().positive(), words: z.string(), vectors: z.string() }),
  /** The lead model the decoder adds to first-line scores (lead-model.ts, lead-bonus.ts); absent from format 7. */
  leads: z.object({ bits: z.number().int().positive(), head: z.number().int().positive(), scale: z.number().positive(), weights: z.string() }).optional(),
  /** [feature, [label, weight, label, weight, …]] in thousandths. */
  features: z.array(z.tuple([z.string(), z.array(z.number().int())])),
  /** [edge feature, [label before × labels + label, weight, …]] in thousandths. */
  edges: z.array(z.tuple([z.string(), z.array(z.number().int())])),
});

export type ModelFile = z.infer<typeof modelFileSchema>;

/** The join look-ups, the subject space and the lead model as stored (see JoinLexicon). */
export type LexiconFile = { charPairs: CharPairsFile; wordPairs: WordPairsFile; charTriples: CharTriplesFile; subjectSpace: SubjectSpaceFile; leads?: LeadModelFile | undefined };

export function toModelFile(model: SequenceModel, training: Record<string, unknown>, { charPairs, wordPairs, charTriples, subjectSpace, leads }: LexiconFile): ModelFile {
  const size = model.labels.length;
  return {
    format: 8,
    training,
    labels: [...model.labels],
    transitions: Array.from(model.transitions, (weight) => Math.round(weight * SCALE)),
    openWeights: Array.from(model.openWeights, (weight) => Math.round(weight * SCALE)),
    finalWeights: Array.from(model.finalWeights, (weight) => Math.round(weight * SCALE)),
    pairs: [...model.pairIndex].map(([feature, at]): [string, number] => [feature, Math.round(model.pairWeights[at]! * SCALE)]).filter(([, weight]) => weight !== 0),
    charPairs,
    wordPairs,
    charTriples,
    subjectSpace,
    leads,
    features: toSparseRows(model.featureIndex, model.weights, size),
    edges: toSparseRows(model.edgeIndex, model.edgeWeights, size * size),
  };
}

/** Each row's non-zero weights as [column, weight, …] in thousandths; rows with none are left out. */
function toSparseRows(index: ReadonlyMap<string, number>, weights: Float64Array, width: number): ModelFile["features"] {
  const rows: ModelFile["features"] = [];
  for (const [feature, row] of index) {
    const sparse: number[] = [];
    for (let column = 0; column < width; column++) {
      const weight = Math.round(weights[row * width + column]! * SCALE);
      if (weight !== 0) sparse.push(column, weight);
    }
    if (sparse.length > 0) rows.push([feature, sparse]);
  }
  return rows;
}

function fromSparseRows(rows: ModelFile["features"], width: number): { index: Map<string, number>; weights: Float64Array } {
  const index = new Map<string, number>();
  const weights = new Float64Array(rows.length * width);
  rows.forEach(([feature, sparse], row) => {
    index.set(feature, row);
    for (let at = 0; at + 1 < sparse.length; at += 2) weights[row * width + sparse[at]!] = sparse[at + 1]! / SCALE;
  });
  return { index, weights };
}

export function fromModelFile(file: ModelFile): SequenceModel {
  const size = file.labels.length;
  const features = fromSparseRows(file.features, size);
  const edges = fromSparseRows(file.edges, size * size);
  return {
    pairIndex: new Map(file.pairs.map(([feature], at) => [feature, at])),
    pairWeights: Float64Array.from(file.pairs, ([, weight]) => weight / SCALE),
    labels: file.labels,
    featureIndex: features.index,
    weights: features.weights,
    edgeIndex: edges.index,
    edgeWeights: edges.weights,
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
    pairs: file.pairs,
    charPairs: file.charPairs,
    wordPairs: file.wordPairs,
    charTriples: file.charTriples,
    subjectSpace: file.subjectSpace,
    leads: file.leads,
  });
  const rows = (entries: ModelFile["features"]) => entries.map((entry) => JSON.stringify(entry)).join(",\n");
  return `${head.slice(0, -1)},"features":[\n${rows(file.features)}\n],"edges":[\n${rows(file.edges)}\n]}\n`;
}

export function parseModelFile(text: string): ModelFile {
  return modelFileSchema.parse(JSON.parse(text));
}

type LoadedModel = { model: SequenceModel; lexicon: JoinLexicon; training: ModelFile["training"] };

let shipped: LoadedModel | undefined;
let modelPath: URL = MODEL_PATH;

function loadShipped(): LoadedModel {
  if (shipped) return shipped;
  const file = parseModelFile(readModelText(modelPath));
  shipped = { model: fromModelFile(file), lexicon: decodeLexicon(file), training: file.training };
  return shipped;
}

/**
 * For evaluation tools only (`eval:parse -- --model FILE`): read the model from another file
 * from now on in this process, e.g. one trained on the training months alone to tune against dev.
 */
export function useModelFile(path: URL): void {
  modelPath = path;
  shipped = undefined;
}

/** How the model in use was trained (its file's `training` record). */
export function readModelTraining(): ModelFile["training"] {
  return loadShipped().training;
}

export function decodeLexicon(file: LexiconFile): JoinLexicon {
  return { charPairs: decodeCharPairs(file.charPairs), wordPairs: decodeWordPairs(file.wordPairs), charTriples: decodeCharTriples(file.charTriples), subjects: decodeSubjectSpace(file.subjectSpace), leads: file.leads ? decodeLeadModel(file.leads) : null };
}

/** The shipped model, read once per process. */
export function loadShippedModel(): SequenceModel {
  return loadShipped().model;
}

/** The character pair, word pair and character triple tables and the subject space shipped with the model (the features it was trained on read them). */
export function loadShippedLexicon(): JoinLexicon {
  return loadShipped().lexicon;
}

import { availableParallelism } from "node:os";
import { averageModels } from "@/lib/segmenter/average-models";
import { LAYOUT_FAMILIES, LINE_LABELS, type GeneratedPage, type LayoutFamily } from "@/lib/segmenter/labels";
import { decodeLexicon, toModelFile, type LexiconFile, type ModelFile } from "@/lib/segmenter/model-file";
import { splitPageLines } from "@/lib/segmenter/page-lines";
import { createJoinTables, type JoinLexicon } from "@/lib/segmenter/resume-evidence";
import { describePage } from "@/lib/segmenter/segment-page";
import type { SequenceModel } from "@/lib/segmenter/sequence-model";
import { trainPerceptron, type TrainingSequence } from "@/lib/segmenter/train-perceptron";
import { countCharGrams } from "./count-char-grams";
import { countCharPairs, DEFAULT_CHAR_PAIRS } from "./count-char-pairs";
import { countCharTriples, DEFAULT_CHAR_TRIPLES } from "./count-char-triples";
import { countLeadModel, DEFAULT_LEAD_MODEL } from "./count-lead-model";
import { countSubjectSpace, DEFAULT_SUBJECT_SPACE } from "./count-subject-space";
import { countWordPairs, DEFAULT_WORD_PAIRS } from "./count-word-pairs";
import { generatePages } from "./page-gen";
import { loadCorpus } from "./page-gen/corpus";
import type { PageSplit } from "./page-gen/splits";
import type { SourceArticle } from "./page-gen/source-article";
import { runInWorker } from "./run-in-worker";

/**
 * How the shipped segmenter model is made: pages of every layout family generated from the
 * months in `splits` (see ingest/page-gen/splits.ts), their lines labelled by the generator, an
 * averaged perceptron trained on them; `runs` such runs, each on its own draw of pages, and the
 * mean of their weights shipped. Everything is seeded, so the same settings always give the same
 * model file (test/unit/segmenter-model.test.ts).
 *
 * Features and settings are chosen with models trained on the training months alone and measured
 * on the tuning (dev) months; the shipped model is then refitted on both with the settings so
 * chosen, since the text of more and later months is worth having (README, parsing quality). The
 * test months never reach training.
 */

export type SegmenterTrainingSettings = {
  /** The months the pages and the lexicon come from: ["train"] to tune against dev, ["train", "dev"] to ship. */
  splits: readonly TrainingSplit[];
  pagesPerFamily: number;
  epochs: number;
  /** Run r draws its pages and its order from seed + r; the model is the mean of the runs (average-models.ts). */
  runs: number;
  seed: number;
  minFeatureCount: number;
  families: readonly LayoutFamily[];
};

/** The splits a model may be trained on: the test months never are. */
export const TRAINING_SPLITS = ["train", "dev"] as const satisfies readonly PageSplit[];
export type TrainingSplit = (typeof TRAINING_SPLITS)[number];

export const DEFAULT_TRAINING: SegmenterTrainingSettings = {
  splits: TRAINING_SPLITS,
  pagesPerFamily: 320,
  epochs: 8,
  runs: 3,
  seed: 20261204,
  minFeatureCount: 40,
  families: LAYOUT_FAMILIES,
};

/**
 * The runs are independent (each its own pages, order and seed), so they train side by side in
 * worker threads, `parallel` at a time (default: one per core), and are averaged in run order:
 * the file is the same whatever `parallel` is. Each worker holds only its own run's pages and
 * features.
 */
export async function trainSegmenterModel(settings: SegmenterTrainingSettings = DEFAULT_TRAINING, parallel: number = availableParallelism()): Promise<ModelFile> {
  const corpus = loadCorpus(settings.splits);
  return trainWithLexicon(settings, countLexicon([...corpus.rmrb, ...corpus.xwlb]), parallel);
}

/** The runs and their mean, on join tables and a subject space already counted (trainSegmenterModel). */
export async function trainWithLexicon(settings: SegmenterTrainingSettings, lexiconFile: LexiconFile, parallel: number): Promise<ModelFile> {
  const runs = Array.from({ length: settings.runs }, (_, run) => run);
  const inProcess = (): RunResult[] => {
    const lexicon = decodeLexicon(lexiconFile);
    return runs.map((run) => trainRun(settings, run, lexicon));
  };
  const results = parallel <= 1 ? inProcess() : await mapInPool(runs, parallel, (run) => runInWorker<RunResult>(RUN_MODULE, { settings, run, lexicon: lexiconFile } satisfies RunRequest));
  const pageCount = results.reduce((sum, result) => sum + result.pages, 0);
  const training = { script: "npm run train:segmenter", pages: pageCount, ...settings, charPairs: DEFAULT_CHAR_PAIRS, wordPairs: DEFAULT_WORD_PAIRS, charTriples: DEFAULT_CHAR_TRIPLES, subjectSpace: DEFAULT_SUBJECT_SPACE, leads: DEFAULT_LEAD_MODEL };
  return toModelFile(averageModels(results.map((result) => result.model)), training, lexiconFile);
}

const RUN_MODULE = new URL("./segmenter-training-run.ts", import.meta.url);

export type RunRequest = { settings: SegmenterTrainingSettings; run: number; lexicon: LexiconFile };
export type RunResult = { model: SequenceModel; pages: number };

/** Run `run` of the training: its own draw of pages (seed + run), the perceptron trained on them. */
export function trainRun(settings: SegmenterTrainingSettings, run: number, lexicon: JoinLexicon): RunResult {
  const seed = settings.seed + run;
  const pages = generatePages({ split: settings.splits, families: [...settings.families], pagesPerFamily: settings.pagesPerFamily, seed });
  const strings = new Map<string, string>();
  const sequences = pages.map((page) => toTrainingSequence(page, lexicon, strings));
  return { model: trainPerceptron(sequences, { labels: LINE_LABELS, epochs: settings.epochs, seed, minFeatureCount: settings.minFeatureCount }), pages: pages.length };
}

/** `work` over `items`, at most `width` at a time; results in the items' order. */
async function mapInPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

/**
 * The join tables, the subject space and the lead model from the training months' text; the
 * character counts (millions of triples) are dropped before the runs start. The lead model is
 * read after decoding (segment-page.ts), never by the perceptron's features, so the training
 * pages drawn from the same articles do not teach the perceptron to trust it (count-lead-model.ts).
 */
export function countLexicon(sources: readonly SourceArticle[]): LexiconFile {
  const subjectSpace = countSubjectSpace(sources);
  const leads = countLeadModel(sources);
  // Word pairs before the characters: their counts and the character counts are never held at once.
  const wordPairs = countWordPairs(sources);
  const grams = countCharGrams(sources);
  return { charPairs: countCharPairs(grams), wordPairs, charTriples: countCharTriples(grams), subjectSpace, leads };
}

/** A generated page as the trainer sees it: the features of its lines and their labels. */
export function toTrainingSequence(page: GeneratedPage, lexicon: JoinLexicon, strings: Map<string, string> = new Map()): TrainingSequence {
  const lines = splitPageLines(page.text);
  if (lines.length !== page.lines.length || lines.some((line, at) => line.text !== page.lines[at]!.text)) {
    throw new Error(`page ${page.name}: its labelled lines do not match the lines of its text`);
  }
  const { features, frame, resumePairs } = describePage(lines, createJoinTables(lines, lexicon));
  // A run holds every line's features of thousands of pages; most are the same few strings, so each is kept once (`strings`).
  const intern = (feature: string) => {
    const known = strings.get(feature);
    if (known !== undefined) return known;
    strings.set(feature, feature);
    return feature;
  };
  return {
    features: features.map((line) => line.map(intern)),
    frame,
    resumePairs: resumePairs.map((options) => options.map((pair) => pair.map(intern))),
    labels: page.lines.map((line) => LINE_LABELS.indexOf(line.label)),
  };
}

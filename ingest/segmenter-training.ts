import { decodeCharPairs, type CharPairs } from "@/lib/segmenter/char-pairs";
import { LAYOUT_FAMILIES, LINE_LABELS, type GeneratedPage, type LayoutFamily } from "@/lib/segmenter/labels";
import { toModelFile, type ModelFile } from "@/lib/segmenter/model-file";
import { splitPageLines } from "@/lib/segmenter/page-lines";
import { describePage } from "@/lib/segmenter/segment-page";
import { trainPerceptron, type TrainingSequence } from "@/lib/segmenter/train-perceptron";
import { countCharPairs, DEFAULT_CHAR_PAIRS } from "./count-char-pairs";
import { generatePages } from "./page-gen";
import { loadCorpus } from "./page-gen/corpus";

/**
 * How the shipped segmenter model is made: pages of every layout family generated from the
 * training months only (rmrb 2019-02 and 2019-10, xwlb 2012–2017; see ingest/page-gen), their
 * lines labelled by the generator, an averaged perceptron trained on them. Everything is seeded,
 * so the same settings always give the same model file (test/unit/segmenter-model.test.ts).
 */

export type SegmenterTrainingSettings = {
  pagesPerFamily: number;
  epochs: number;
  seed: number;
  minFeatureCount: number;
  families: readonly LayoutFamily[];
};

export const DEFAULT_TRAINING: SegmenterTrainingSettings = {
  pagesPerFamily: 320,
  epochs: 8,
  seed: 20261204,
  minFeatureCount: 40,
  families: LAYOUT_FAMILIES,
};

export function trainSegmenterModel(settings: SegmenterTrainingSettings = DEFAULT_TRAINING): ModelFile {
  const pages = generatePages({ split: "train", families: [...settings.families], pagesPerFamily: settings.pagesPerFamily, seed: settings.seed });
  const corpus = loadCorpus("train");
  const charPairsFile = countCharPairs([...corpus.rmrb, ...corpus.xwlb]);
  const charPairs = decodeCharPairs(charPairsFile);
  const sequences = pages.map((page) => toTrainingSequence(page, charPairs));
  const model = trainPerceptron(sequences, {
    labels: LINE_LABELS,
    epochs: settings.epochs,
    seed: settings.seed,
    minFeatureCount: settings.minFeatureCount,
  });
  return toModelFile(model, { script: "npm run train:segmenter", split: "train", pages: pages.length, ...settings, charPairs: DEFAULT_CHAR_PAIRS }, charPairsFile);
}

/** A generated page as the trainer sees it: the features of its lines and their labels. */
export function toTrainingSequence(page: GeneratedPage, charPairs: CharPairs): TrainingSequence {
  const lines = splitPageLines(page.text);
  if (lines.length !== page.lines.length || lines.some((line, at) => line.text !== page.lines[at]!.text)) {
    throw new Error(`page ${page.name}: its labelled lines do not match the lines of its text`);
  }
  return { ...describePage(lines, charPairs), labels: page.lines.map((line) => LINE_LABELS.indexOf(line.label)) };
}

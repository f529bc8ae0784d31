import { LAYOUT_FAMILIES, LINE_LABELS, type GeneratedPage, type LayoutFamily } from "@/lib/segmenter/labels";
import { decodeLexicon, toModelFile, type ModelFile } from "@/lib/segmenter/model-file";
import { splitPageLines } from "@/lib/segmenter/page-lines";
import { createJoinTables, type JoinLexicon } from "@/lib/segmenter/resume-evidence";
import { describePage } from "@/lib/segmenter/segment-page";
import { trainPerceptron, type TrainingSequence } from "@/lib/segmenter/train-perceptron";
import { countCharPairs, DEFAULT_CHAR_PAIRS } from "./count-char-pairs";
import { countCharTriples, DEFAULT_CHAR_TRIPLES } from "./count-char-triples";
import { countWordPairs, DEFAULT_WORD_PAIRS } from "./count-word-pairs";
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
  const sources = [...corpus.rmrb, ...corpus.xwlb];
  const lexiconFile = { charPairs: countCharPairs(sources), wordPairs: countWordPairs(sources), charTriples: countCharTriples(sources) };
  const lexicon = decodeLexicon(lexiconFile);
  const sequences = pages.map((page) => toTrainingSequence(page, lexicon));
  const model = trainPerceptron(sequences, {
    labels: LINE_LABELS,
    epochs: settings.epochs,
    seed: settings.seed,
    minFeatureCount: settings.minFeatureCount,
  });
  return toModelFile(model, { script: "npm run train:segmenter", split: "train", pages: pages.length, ...settings, charPairs: DEFAULT_CHAR_PAIRS, wordPairs: DEFAULT_WORD_PAIRS, charTriples: DEFAULT_CHAR_TRIPLES }, lexiconFile);
}

/** A generated page as the trainer sees it: the features of its lines and their labels. */
export function toTrainingSequence(page: GeneratedPage, lexicon: JoinLexicon): TrainingSequence {
  const lines = splitPageLines(page.text);
  if (lines.length !== page.lines.length || lines.some((line, at) => line.text !== page.lines[at]!.text)) {
    throw new Error(`page ${page.name}: its labelled lines do not match the lines of its text`);
  }
  return { ...describePage(lines, createJoinTables(lines, lexicon)), labels: page.lines.map((line) => LINE_LABELS.indexOf(line.label)) };
}

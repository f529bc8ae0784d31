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
import { countSubjectSpace, DEFAULT_SUBJECT_SPACE } from "./count-subject-space";
import { countWordPairs, DEFAULT_WORD_PAIRS } from "./count-word-pairs";
import { generatePages } from "./page-gen";
import { loadCorpus } from "./page-gen/corpus";
import type { SourceArticle } from "./page-gen/source-article";

/**
 * How the shipped segmenter model is made: pages of every layout family generated from the
 * training months only (rmrb 2019-02 and 2019-10, xwlb 2012–2017; see ingest/page-gen), their
 * lines labelled by the generator, an averaged perceptron trained on them; `runs` such runs, each
 * on its own draw of pages, and the mean of their weights shipped. Everything is seeded,
 * so the same settings always give the same model file (test/unit/segmenter-model.test.ts).
 */

export type SegmenterTrainingSettings = {
  pagesPerFamily: number;
  epochs: number;
  /** Run r draws its pages and its order from seed + r; the model is the mean of the runs (average-models.ts). */
  runs: number;
  seed: number;
  minFeatureCount: number;
  families: readonly LayoutFamily[];
};

export const DEFAULT_TRAINING: SegmenterTrainingSettings = {
  pagesPerFamily: 320,
  epochs: 8,
  runs: 3,
  seed: 20261204,
  minFeatureCount: 40,
  families: LAYOUT_FAMILIES,
};

export function trainSegmenterModel(settings: SegmenterTrainingSettings = DEFAULT_TRAINING): ModelFile {
  const corpus = loadCorpus("train");
  const sources = [...corpus.rmrb, ...corpus.xwlb];
  const lexiconFile = countLexicon(sources);
  const lexicon = decodeLexicon(lexiconFile);
  const models: SequenceModel[] = [];
  let pageCount = 0;
  // One run at a time, so that only one run's pages and features are held.
  for (let run = 0; run < settings.runs; run++) {
    const seed = settings.seed + run;
    const pages = generatePages({ split: "train", families: [...settings.families], pagesPerFamily: settings.pagesPerFamily, seed });
    pageCount += pages.length;
    const strings = new Map<string, string>();
    const sequences = pages.map((page) => toTrainingSequence(page, lexicon, strings));
    models.push(trainPerceptron(sequences, { labels: LINE_LABELS, epochs: settings.epochs, seed, minFeatureCount: settings.minFeatureCount }));
  }
  const training = { script: "npm run train:segmenter", split: "train", pages: pageCount, ...settings, charPairs: DEFAULT_CHAR_PAIRS, wordPairs: DEFAULT_WORD_PAIRS, charTriples: DEFAULT_CHAR_TRIPLES, subjectSpace: DEFAULT_SUBJECT_SPACE };
  return toModelFile(averageModels(models), training, lexiconFile);
}

/** The join tables and the subject space from the training months' text; the character counts (millions of triples) are dropped before the runs start. */
function countLexicon(sources: readonly SourceArticle[]): LexiconFile {
  const subjectSpace = countSubjectSpace(sources);
  // Word pairs before the characters: their counts and the character counts are never held at once.
  const wordPairs = countWordPairs(sources);
  const grams = countCharGrams(sources);
  return { charPairs: countCharPairs(grams), wordPairs, charTriples: countCharTriples(grams), subjectSpace };
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

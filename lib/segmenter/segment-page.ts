import { assembleArticles, type AssembledPage, type LineDecision, type PageContext } from "./assemble-articles";
import type { LineLabel } from "./labels";
import { extractPageFeatures } from "./line-features";
import { loadShippedModel } from "./model-file";
import { splitPageLines, type PageLine } from "./page-lines";
import { decodeSequence, scoreLines, type SequenceModel } from "./sequence-model";

/**
 * One OCR'd page → its items: lines, features, the most likely label sequence under the trained
 * model, then the items those labels describe.
 */
export type SegmentedPage = AssembledPage & { lines: PageLine[]; decisions: LineDecision[] };

export function segmentPage(text: string, context: PageContext, model: SequenceModel = loadShippedModel()): SegmentedPage {
  const lines = splitPageLines(text);
  const decisions = labelLines(lines, model);
  return { ...assembleArticles(lines, decisions, context), lines, decisions };
}

export function labelLines(lines: readonly PageLine[], model: SequenceModel = loadShippedModel()): LineDecision[] {
  const decoded = decodeSequence(model, scoreLines(model, extractPageFeatures(lines)));
  return decoded.labels.map((label, at) => ({
    label: model.labels[label] as LineLabel,
    margin: decoded.margins[at]!,
    runnerUp: model.labels[decoded.runnersUp[at]!] as LineLabel,
  }));
}

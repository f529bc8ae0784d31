import { endsSentence } from "@/lib/byline/trailing-byline";
import { findAdoptedStarts } from "./adopt-headlines";
import { addLeadBonus } from "./lead-bonus";
import { assembleArticles, type AssembledPage, type LineDecision, type PageContext } from "./assemble-articles";
import type { LineLabel } from "./labels";
import { extractPageFeatures } from "./line-features";
import { loadShippedLexicon, loadShippedModel } from "./model-file";
import { markUnfinished } from "./open-columns";
import { splitPageLines, type PageLine } from "./page-lines";
import { decodeSequence, scoreLines, type PageScores, type SequenceModel } from "./sequence-model";
import { createJoinTables, type JoinLexicon, type JoinTables } from "./resume-evidence";
import { findSwappedResumptions, relabelAsResumed, toReadOn } from "./swap-resumptions";
import { compareLinesInSpace } from "./subject-features";
import { describeResumePairs, findWaitingLines, type WaitingFrame } from "./waiting-lines";

/**
 * One OCR'd page → its items: lines, features, the most likely label sequence under the trained
 * model (a line that reads like a report's opening after a finished sentence helped towards a
 * first line by the lead model, lead-bonus.ts), then the items those labels describe — read again
 * when a resumed column looks paired with the wrong interrupted item (swap-resumptions.ts), and when a headline printed late sits
 * over the rest of an earlier headline-less item (adopt-headlines.ts).
 */
export type SegmentedPage = AssembledPage & { lines: PageLine[]; decisions: LineDecision[] };

export function segmentPage(text: string, context: PageContext, model: SequenceModel = loadShippedModel(), lexicon: JoinLexicon = loadShippedLexicon()): SegmentedPage {
  const lines = splitPageLines(text);
  const tables = createJoinTables(lines, lexicon);
  const readOn = toReadOn(tables);
  let decisions = labelLines(lines, model, lexicon, tables);
  let page = assembleArticles(lines, decisions, context);
  const swaps = decisions.some((decision) => decision.label === "resume") ? findSwappedResumptions(decisions, page.lineItems, readOn) : [];
  if (swaps.length > 0) {
    decisions = relabelAsResumed(decisions, swaps);
    page = assembleArticles(lines, decisions, context);
  }
  const compare = (from: number, to: number, others: readonly number[]) => compareLinesInSpace(lines, tables.subjects, from, to, others);
  const adopted = findAdoptedStarts(decisions, page.lineItems, (at) => endsSentence(lines[at]!.text), readOn, compare, (at) => lines[at]!.opensReport);
  if (adopted.length > 0) {
    decisions = relabelAsResumed(decisions, adopted);
    page = assembleArticles(lines, decisions, context);
  }
  return { ...page, lines, decisions };
}

export function labelLines(
  lines: readonly PageLine[],
  model: SequenceModel = loadShippedModel(),
  lexicon: JoinLexicon = loadShippedLexicon(),
  tables: JoinTables = createJoinTables(lines, lexicon),
): LineDecision[] {
  const { features, frame, resumePairs } = describePage(lines, tables);
  const scores = ruleOutContinuedDatelines(model, lines, scoreLines(model, features, resumePairs));
  const decoded = decodeSequence(model, lexicon.leads ? addLeadBonus(model, lines, lexicon.leads, scores) : scores, frame);
  return decoded.labels.map((label, at) => ({
    label: model.labels[label] as LineLabel,
    margin: decoded.margins[at]!,
    boundaryMargin: measureBoundaryMargin(model.labels as readonly LineLabel[], decoded.maxMarginals[at]!, label),
    runnerUp: model.labels[decoded.runnersUp[at]!] as LineLabel,
  }));
}

/** Labels that carry on an item's text: a dateline never does, whatever the line before it. */
const CONTINUING_LABELS: readonly LineLabel[] = ["para", "cont", "resume"];

/**
 * A line that opens with a dateline (本报讯, 新华社北京1月14日电: lib/byline/dateline.ts) opens a
 * report: it is never read as more of the item before it. The model learns this from its features
 * on generated pages, where every such line is a first line, but weighs it against the join
 * evidence of a cut line right above, and on pages unlike the training pages (an interleaved
 * column, test/fixtures/ocr/interleaved-pair.txt) the join can win: the grammar settles it.
 */
function ruleOutContinuedDatelines(model: SequenceModel, lines: readonly PageLine[], scores: PageScores): PageScores {
  const ruledOut = CONTINUING_LABELS.map((label) => model.labels.indexOf(label)).filter((at) => at >= 0);
  lines.forEach((line, at) => {
    if (!line.opensReport) return;
    for (const label of ruledOut) scores.emissions[at]![label] = -Infinity;
  });
  return scores;
}

/** What the model reads of a page: its lines' features, the lines that may wait, and each resume's pair features; the trainer reads the same. */
export function describePage(lines: readonly PageLine[], tables: JoinTables): { features: string[][]; frame: WaitingFrame; resumePairs: string[][][] } {
  const frame = findWaitingLines(lines, markUnfinished(lines), tables);
  return { features: extractPageFeatures(lines, tables), frame, resumePairs: describeResumePairs(lines, frame, tables) };
}

/**
 * Labels that place a line in the same item the same way: a kicker read as a title, or a
 * paragraph read as a continuation, changes no boundary. The boundary margin is the best score
 * with the chosen label's group minus the best with any other group.
 */
const BOUNDARY_GROUPS: readonly (readonly LineLabel[])[] = [
  ["column", "kicker", "title", "subtitle", "penname"],
  ["para", "cont", "subhead", "table", "byline", "signdate", "credit"],
];

function measureBoundaryMargin(labels: readonly LineLabel[], maxMarginals: Float64Array, chosen: number): number {
  const group = BOUNDARY_GROUPS.find((members) => members.includes(labels[chosen]!)) ?? [labels[chosen]!];
  let inside = -Infinity;
  let outside = -Infinity;
  labels.forEach((label, index) => {
    const score = maxMarginals[index]!;
    if (group.includes(label)) inside = Math.max(inside, score);
    else outside = Math.max(outside, score);
  });
  return Math.max(0, inside - outside);
}

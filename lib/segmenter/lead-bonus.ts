import { endsSentence } from "@/lib/byline/trailing-byline";
import { FULL_STOP, scoreLead, type LeadModel } from "./lead-model";
import type { PageLine } from "./page-lines";
import type { PageScores, SequenceModel } from "./sequence-model";

/**
 * The lead model's say (lead-model.ts) in decoding: a line right after a finished sentence that
 * reads like a report's opening gets LEAD_WEIGHT × its log-odds added to its `start` score, so a
 * headline-less item with no dateline, whose start nothing else marks, is told from the last
 * item's next paragraph. Added after the perceptron's scores, not learnt with them: read on its
 * own training articles the lead model is too sure (count-lead-model.ts). Lines with a dateline
 * are starts already (segment-page.ts).
 *
 * Chosen on dev (180 pages per family, a model of the training months alone): weight 0 / 10 / 20 /
 * 35 read the unsigned family 0.800 / 0.832, 0.807 / 0.832, 0.820 / 0.836, 0.825 / 0.833 and all
 * families 0.931 / 0.927, 0.932 / 0.927, 0.933 / 0.927, 0.933 / 0.925; only openings above even
 * odds count (letting low scores count against a start gained nothing).
 */
export const LEAD_WEIGHT = 20;

export function addLeadBonus(model: SequenceModel, lines: readonly PageLine[], leads: LeadModel, scores: PageScores): PageScores {
  const start = model.labels.indexOf("start");
  if (start < 0) return scores;
  lines.forEach((line, at) => {
    // Only these lines are scored: the model reads every line of every page ingested otherwise.
    if (at === 0 || line.opensReport || !endsSentence(lines[at - 1]!.text)) return;
    const bonus = LEAD_WEIGHT * Math.max(0, scoreLineLead(lines, at, leads));
    const row = scores.emissions[at]!;
    row[start] = row[start]! + bonus;
  });
  return scores;
}

/**
 * How much the text from line `at` on reads like a report's opening (log-odds). A line cut short
 * by the column is read on into the lines after it, up to the model's head or the first full stop,
 * as the model was trained on whole sentences.
 */
export function scoreLineLead(lines: readonly PageLine[], at: number, model: LeadModel): number {
  let text = lines[at]!.norm;
  for (let k = at + 1; k < Math.min(lines.length, at + 4) && text.length < model.head && !FULL_STOP.test(text); k++) text += lines[k]!.norm;
  return scoreLead(model, text);
}

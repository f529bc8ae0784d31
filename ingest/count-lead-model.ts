import { encodeLeadModel, listLeadFeatures, readLeadHead, type LeadModelFile } from "@/lib/segmenter/lead-model";
import { createRandom } from "@/lib/random/seeded-random";
import { normalizeCompact } from "@/lib/text/normalize";
import { bodyBlocks, splitOpening } from "./page-gen/print-body";
import type { SourceArticle } from "./page-gen/source-article";

/**
 * The lead model of `lib/segmenter/lead-model.ts`, from the training months' articles (never the
 * dev or test months): each article of two paragraphs or more gives its opening paragraph (after
 * the dateline, which the segmenter reads by its own feature) as a lead and every later paragraph
 * as not one. Logistic regression by AdaGrad, leads weighted up to balance the two classes, the
 * examples in a seeded order. Chosen on the development months (ROC area, opening paragraphs
 * against later ones): 2^16 weights and 32 characters (0.881; 2^14: 0.865, 2^18: 0.890 at four
 * times the bytes; 48 or 80 characters no better); one pass (three: 0.882).
 *
 * Read on the articles it was fitted to, the model is far surer than on others: on pages of the
 * training months, ROC area 0.97 for headline-less openings after a finished paragraph against
 * such paragraphs, on dev pages 0.76. So the perceptron never reads it as a feature (trained on
 * pages of those same articles it learnt to trust it, and dev fell from 0.931 / 0.927 to 0.918 /
 * 0.918 over all families); the decoder adds it afterwards with one weight chosen on dev
 * (segment-page.ts).
 */

export type LeadModelSettings = { bits: number; head: number; epochs: number; rate: number; seed: number };

export const DEFAULT_LEAD_MODEL: LeadModelSettings = { bits: 16, head: 32, epochs: 1, rate: 0.1, seed: 11 };

type Example = { features: number[]; lead: boolean };

export function countLeadModel(sources: readonly SourceArticle[], settings: LeadModelSettings = DEFAULT_LEAD_MODEL): LeadModelFile {
  const examples = sources.flatMap((source) => listExamples(source, settings));
  const leads = examples.filter((example) => example.lead).length;
  if (leads === 0 || leads === examples.length) throw new Error("lead model: needs articles with at least two paragraphs");
  const leadWeight = (examples.length - leads) / leads;
  const weights = new Float64Array(1 << settings.bits);
  const squares = new Float64Array(1 << settings.bits).fill(1e-2);
  const random = createRandom(settings.seed);
  const order = examples.map((_, at) => at);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let at = order.length - 1; at > 0; at--) {
      const other = Math.floor(random() * (at + 1));
      [order[at], order[other]] = [order[other]!, order[at]!];
    }
    for (const at of order) {
      const { features, lead } = examples[at]!;
      let sum = 0;
      for (const feature of features) sum += weights[feature]!;
      const gradient = (1 / (1 + Math.exp(-sum)) - (lead ? 1 : 0)) * (lead ? leadWeight : 1);
      for (const feature of features) {
        squares[feature]! += gradient * gradient;
        weights[feature]! -= (settings.rate * gradient) / Math.sqrt(squares[feature]!);
      }
    }
  }
  return encodeLeadModel({ bits: settings.bits, head: settings.head, ...quantize(weights) });
}

function listExamples(source: SourceArticle, settings: LeadModelSettings): Example[] {
  const paragraphs = bodyBlocks(source).filter((block) => block.kind === "paragraph");
  if (paragraphs.length < 2) return [];
  const toFeatures = (text: string) => listLeadFeatures(readLeadHead(normalizeCompact(text), settings.head), settings.bits);
  const { rest } = splitOpening(source);
  const opening = rest.trim() === "" ? [] : [{ features: toFeatures(rest), lead: true }];
  return [...opening, ...paragraphs.slice(1).map((block) => ({ features: toFeatures(block.text), lead: false }))];
}

/** Signed bytes and one scale: the largest weight becomes ±127. Rounded to 6 significant digits so the file's text is the same everywhere. */
function quantize(weights: Float64Array): { scale: number; weights: Int8Array } {
  const largest = weights.reduce((max, weight) => Math.max(max, Math.abs(weight)), 0);
  const scale = Number((largest / 127).toPrecision(6));
  return { scale, weights: Int8Array.from(weights, (weight) => Math.max(-127, Math.min(127, Math.round(weight / scale)))) };
}

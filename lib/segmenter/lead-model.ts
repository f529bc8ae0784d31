import { hashFnv1a } from "./fnv1a";
import { decodeSignedBytes, encodeSignedBytes } from "./signed-byte-text";

/**
 * How much a passage reads like a news report's opening paragraph (近日，… 记者从…获悉 …举行)
 * rather than a later one (他表示，… 此外，… 据介绍，…): a logistic regression over the
 * characters of its first sentence, trained on every paragraph of the training months' articles
 * (ingest/count-lead-model.ts). A headline-less item with no dateline has only this and its
 * subject to tell that it starts (README, parsing quality); the decoder adds the score to such a
 * line's first-line score after the perceptron's (lead-bonus.ts), never as a feature.
 *
 * Features are hashed into 2^bits weights: the first one, two and three characters, and every
 * character pair and triple of the first `head` characters of the first sentence. Weights ship as
 * signed bytes (signed-byte-text.ts) times `scale`.
 */

export type LeadModel = { bits: number; head: number; scale: number; weights: Int8Array };
export type LeadModelFile = { bits: number; head: number; scale: number; weights: string };

/** A full stop anywhere in normalised text (NFKC makes ！？ ASCII). */
export const FULL_STOP = /[。!?]/u;

/** The first sentence of normalised text (page-lines.ts `norm`), at most `head` characters. */
export function readLeadHead(norm: string, head: number): string {
  const stop = norm.search(FULL_STOP);
  const sentence = stop === -1 ? norm : norm.slice(0, stop + 1);
  return Array.from(sentence).slice(0, head).join("");
}

/** FNV-1a of the feature, kept to `bits` bits. */
function hashFeature(feature: string, bits: number): number {
  return hashFnv1a(feature) & ((1 << bits) - 1);
}

/** The weight slots a head (readLeadHead) switches on, each once. */
export function listLeadFeatures(head: string, bits: number): number[] {
  const chars = Array.from(head);
  const features = new Set<number>([hashFeature("bias", bits)]);
  for (let size = 1; size <= 3; size++) features.add(hashFeature(`p${size}:${chars.slice(0, size).join("")}`, bits));
  for (let at = 0; at + 1 < chars.length; at++) features.add(hashFeature(`b:${chars[at]}${chars[at + 1]}`, bits));
  for (let at = 0; at + 2 < chars.length; at++) features.add(hashFeature(`t:${chars[at]}${chars[at + 1]}${chars[at + 2]}`, bits));
  return [...features];
}

/** The log-odds that text starting as `norm` opens a report (readLeadHead is applied here). */
export function scoreLead(model: LeadModel, norm: string): number {
  let sum = 0;
  for (const feature of listLeadFeatures(readLeadHead(norm, model.head), model.bits)) sum += model.weights[feature]!;
  return sum * model.scale;
}

export function encodeLeadModel(model: LeadModel): LeadModelFile {
  return { bits: model.bits, head: model.head, scale: model.scale, weights: encodeSignedBytes(model.weights) };
}

export function decodeLeadModel(file: LeadModelFile): LeadModel {
  const weights = decodeSignedBytes(file.weights);
  if (weights.length !== 1 << file.bits) throw new Error(`lead model: ${weights.length} weights for ${file.bits} bits`);
  return { bits: file.bits, head: file.head, scale: file.scale, weights };
}

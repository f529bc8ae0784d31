import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { readOpenColumnRules } from "./open-columns";
import { decodeSequence, scoreLines, type PageScores, type SequenceModel } from "./sequence-model";
import { trainPerceptron } from "./train-perceptron";
import { stepWaiting, WAITING_LIMIT, type WaitingFrame } from "./waiting-lines";

function randomModel(labels: number | string[], seed: number): SequenceModel {
  const random = createRandom(seed);
  const features = ["a", "b", "c"];
  const edgeFeatures = ["~x", "~y"];
  const pairFeatures = ["r:p", "r:q"];
  const names = typeof labels === "number" ? Array.from({ length: labels }, (_, i) => `L${i}`) : labels;
  const size = names.length;
  return {
    labels: names,
    featureIndex: new Map(features.map((feature, row) => [feature, row])),
    weights: Float64Array.from({ length: features.length * size }, () => random() * 4 - 2),
    transitions: Float64Array.from({ length: (size + 1) * size }, () => random() * 4 - 2),
    edgeIndex: new Map(edgeFeatures.map((feature, row) => [feature, row])),
    edgeWeights: Float64Array.from({ length: edgeFeatures.length * size * size }, () => random() * 4 - 2),
    pairIndex: new Map(pairFeatures.map((feature, row) => [feature, row])),
    pairWeights: Float64Array.from({ length: pairFeatures.length }, () => random() * 4 - 2),
    openWeights: Float64Array.from({ length: 2 * size }, () => random() * 4 - 2),
    finalWeights: Float64Array.from({ length: 2 }, () => random() * 4 - 2),
  };
}

/** A page frame as findWaitingLines makes it, from which lines may wait (drawn at random). */
function randomFrame(length: number, random: () => number): WaitingFrame {
  const unfinished = Array.from({ length }, () => random() < 0.6);
  const waiting: Int32Array[] = [];
  let held: number[] = [];
  for (let i = 0; i < length; i++) {
    waiting.push(Int32Array.from(held));
    if (unfinished[i] && i + 1 < length && random() < 0.8) held = [i, ...held].slice(0, WAITING_LIMIT);
  }
  return { unfinished, waiting };
}

/**
 * Every possible label sequence and its score, the slow way; with a frame, the waiting line is
 * followed along each sequence (a `resume` with nothing waiting is impossible) and a `resume`
 * scores its pair with the line it takes back.
 */
function enumerate(model: SequenceModel, { emissions, edges, resumes }: PageScores, frame?: WaitingFrame): { labels: number[]; score: number }[] {
  const size = model.labels.length;
  const rules = frame ? readOpenColumnRules(model.labels) : null;
  const all: { labels: number[]; score: number }[] = [];
  const walk = (prefix: number[], slot: number, score: number) => {
    const at = prefix.length;
    if (at === emissions.length) {
      all.push({ labels: prefix, score: score + (rules ? model.finalWeights[slot > 0 ? 1 : 0]! : 0) });
      return;
    }
    for (let label = 0; label < size; label++) {
      if (at === 0) {
        if (rules && label === rules.resume) continue;
        walk([label], 0, score + model.transitions[size * size + label]! + model.openWeights[label]! + emissions[0]![label]!);
        continue;
      }
      const previous = prefix[at - 1]!;
      const step = stepWaiting(rules, frame ?? null, at - 1, previous, slot, label);
      if (step < 0) continue;
      const pair = rules && label === rules.resume ? resumes[at]![slot - 1]! : 0;
      const gain =
        model.transitions[previous * size + label]! +
        model.openWeights[(slot > 0 ? size : 0) + label]! +
        (edges[at]?.[previous * size + label] ?? 0) +
        pair +
        (step & 1 ? model.finalWeights[1]! : 0) +
        emissions[at]![label]!;
      walk([...prefix, label], step >> 1, score + gain);
    }
  };
  walk([], 0, 0);
  return all;
}

describe("decodeSequence", () => {
  it("finds the best sequence and each line's margin, as brute force does", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const model = randomModel(3, seed);
      const random = createRandom(seed * 7);
      const lines = Array.from({ length: 4 }, () => ["a", "b", "c", "~x", "~y"].filter(() => random() < 0.6));
      const emissions = scoreLines(model, lines);
      expect(emissions.edges.some((edge) => edge !== null)).toBe(true);
      const all = enumerate(model, emissions);
      const best = all.reduce((a, b) => (b.score > a.score ? b : a));
      const decoded = decodeSequence(model, emissions);
      expect(decoded.labels).toEqual(best.labels);
      decoded.labels.forEach((label, at) => {
        const other = Math.max(...all.filter((path) => path.labels[at] !== label).map((path) => path.score));
        expect(decoded.margins[at]).toBeCloseTo(best.score - other, 9);
      });
    }
  });

  it("follows the waiting line as brute force does, never resuming when none waits, scoring each resume with the line it takes back", () => {
    let resumed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const model = randomModel(["para", "start", "resume", "cont"], seed);
      const random = createRandom(seed * 13);
      const lines = Array.from({ length: 6 }, () => ["a", "b", "c", "~x", "~y"].filter(() => random() < 0.6));
      const frame = randomFrame(lines.length, random);
      const pairs = lines.map((_, i) => Array.from(i > 0 ? frame.waiting[i - 1]! : [], () => ["r:p", "r:q"].filter(() => random() < 0.6)));
      const emissions = scoreLines(model, lines, pairs);
      const all = enumerate(model, emissions, frame);
      const best = all.reduce((a, b) => (b.score > a.score ? b : a));
      const decoded = decodeSequence(model, emissions, frame);
      if (decoded.labels.includes(2)) resumed++;
      expect(decoded.labels).toEqual(best.labels);
      decoded.labels.forEach((label, at) => {
        const other = Math.max(...all.filter((path) => path.labels[at] !== label).map((path) => path.score));
        expect(decoded.margins[at]).toBeCloseTo(best.score - other, 9);
      });
    }
    expect(resumed).toBeGreaterThan(0);
  });

  it("returns nothing for an empty page", () => {
    expect(decodeSequence(randomModel(2, 1), { emissions: [], edges: [], resumes: [] }).labels).toEqual([]);
  });
});

describe("trainPerceptron", () => {
  // Label 1 on lines marked "go" and on the line after one (which says so): a small separable task.
  const random = createRandom(11);
  const sequences = Array.from({ length: 60 }, () => {
    const marks = Array.from({ length: 8 }, () => random() < 0.3);
    const labels = marks.map((mark, i) => (mark || marks[i - 1] ? 1 : 0));
    return { features: marks.map((mark, i) => (mark ? ["go", "bias"] : marks[i - 1] ? ["after", "bias"] : ["bias"])), labels };
  });

  it("learns a separable task and is deterministic for a seed", () => {
    const options = { labels: ["zero", "one"], epochs: 10, seed: 3, minFeatureCount: 1 };
    const model = trainPerceptron(sequences, options);
    for (const sequence of sequences) expect(decodeSequence(model, scoreLines(model, sequence.features)).labels).toEqual(sequence.labels);
    const again = trainPerceptron(sequences, options);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
    expect(Array.from(again.transitions)).toEqual(Array.from(model.transitions));
  });

  it("learns from edge features what depends on the label before as well as on the line", () => {
    // The first line says its label; every later line says whether it keeps the label before it or flips it.
    const flips = createRandom(5);
    const pages = Array.from({ length: 80 }, () => {
      const labels: number[] = [flips() < 0.5 ? 0 : 1];
      const marks: string[] = [`first${labels[0]}`];
      for (let i = 1; i < 8; i++) {
        const flip = flips() < 0.5;
        labels.push(flip ? 1 - labels[i - 1]! : labels[i - 1]!);
        marks.push(flip ? "flip" : "keep");
      }
      return { marks, labels };
    });
    const options = { labels: ["zero", "one"], epochs: 10, seed: 3, minFeatureCount: 1 };
    const asEdges = pages.map(({ marks, labels }) => ({ features: marks.map((mark, i) => (i === 0 ? [mark] : [`~${mark}`])), labels }));
    const model = trainPerceptron(asEdges, options);
    for (const page of asEdges) expect(decodeSequence(model, scoreLines(model, page.features)).labels).toEqual(page.labels);
    // The same marks as plain line features cannot say it: some pages come out wrong.
    const asLines = pages.map(({ marks, labels }) => ({ features: marks.map((mark) => [mark]), labels }));
    const plain = trainPerceptron(asLines, options);
    expect(plain.edgeIndex.size).toBe(0);
    expect(asLines.some((page) => decodeSequence(plain, scoreLines(plain, page.features)).labels.join() !== page.labels.join())).toBe(true);
  });

  it("leaves out features seen fewer times than asked", () => {
    const model = trainPerceptron([...sequences, { features: [["rare"]], labels: [0] }], { labels: ["zero", "one"], epochs: 1, seed: 1, minFeatureCount: 2 });
    expect(model.featureIndex.has("rare")).toBe(false);
    expect(model.featureIndex.has("go")).toBe(true);
  });
});

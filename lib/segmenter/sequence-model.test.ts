import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { readOpenColumnRules, stepOpenColumns } from "./open-columns";
import { decodeSequence, scoreLines, type SequenceModel } from "./sequence-model";
import { trainPerceptron } from "./train-perceptron";

function randomModel(labels: number | string[], seed: number): SequenceModel {
  const random = createRandom(seed);
  const features = ["a", "b", "c"];
  const names = typeof labels === "number" ? Array.from({ length: labels }, (_, i) => `L${i}`) : labels;
  const size = names.length;
  return {
    labels: names,
    featureIndex: new Map(features.map((feature, row) => [feature, row])),
    weights: Float64Array.from({ length: features.length * size }, () => random() * 4 - 2),
    transitions: Float64Array.from({ length: (size + 1) * size }, () => random() * 4 - 2),
    openWeights: Float64Array.from({ length: 3 * size }, () => random() * 4 - 2),
    finalWeights: Float64Array.from({ length: 3 }, () => random() * 4 - 2),
  };
}

/**
 * Every possible label sequence and its score, the slow way; with `unfinished`, waiting counts
 * are followed along each sequence (a `resume` with nothing waiting is impossible).
 */
function enumerate(model: SequenceModel, emissions: Float64Array[], unfinished?: boolean[]): { labels: number[]; score: number }[] {
  const size = model.labels.length;
  const rules = unfinished ? readOpenColumnRules(model.labels) : null;
  const all: { labels: number[]; score: number }[] = [];
  const walk = (prefix: number[], open: number, score: number) => {
    const at = prefix.length;
    if (at === emissions.length) {
      all.push({ labels: prefix, score: score + model.finalWeights[open]! });
      return;
    }
    for (let label = 0; label < size; label++) {
      const previous = at === 0 ? null : prefix[at - 1]!;
      const next = stepOpenColumns(rules, open, previous, label, unfinished?.[at - 1] ?? false);
      if (next < 0) continue;
      const step = model.transitions[(previous ?? size) * size + label]! + model.openWeights[open * size + label]!;
      walk([...prefix, label], next, score + step + emissions[at]![label]!);
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
      const lines = Array.from({ length: 4 }, () => ["a", "b", "c"].filter(() => random() < 0.6));
      const emissions = scoreLines(model, lines);
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

  it("follows items waiting for their column as brute force does, never resuming when none waits", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const model = randomModel(["para", "start", "resume", "cont"], seed);
      const random = createRandom(seed * 13);
      const lines = Array.from({ length: 5 }, () => ["a", "b", "c"].filter(() => random() < 0.6));
      const unfinished = lines.map(() => random() < 0.5);
      const emissions = scoreLines(model, lines);
      const all = enumerate(model, emissions, unfinished);
      const best = all.reduce((a, b) => (b.score > a.score ? b : a));
      const decoded = decodeSequence(model, emissions, unfinished);
      expect(decoded.labels).toEqual(best.labels);
      decoded.labels.forEach((label, at) => {
        const other = Math.max(...all.filter((path) => path.labels[at] !== label).map((path) => path.score));
        expect(decoded.margins[at]).toBeCloseTo(best.score - other, 9);
      });
    }
  });

  it("returns nothing for an empty page", () => {
    expect(decodeSequence(randomModel(2, 1), []).labels).toEqual([]);
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

  it("leaves out features seen fewer times than asked", () => {
    const model = trainPerceptron([...sequences, { features: [["rare"]], labels: [0] }], { labels: ["zero", "one"], epochs: 1, seed: 1, minFeatureCount: 2 });
    expect(model.featureIndex.has("rare")).toBe(false);
    expect(model.featureIndex.has("go")).toBe(true);
  });
});

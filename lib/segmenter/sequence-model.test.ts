import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { decodeSequence, scoreLines, type SequenceModel } from "./sequence-model";
import { trainPerceptron } from "./train-perceptron";

function randomModel(labels: number, seed: number): SequenceModel {
  const random = createRandom(seed);
  const features = ["a", "b", "c"];
  return {
    labels: Array.from({ length: labels }, (_, i) => `L${i}`),
    featureIndex: new Map(features.map((feature, row) => [feature, row])),
    weights: Float64Array.from({ length: features.length * labels }, () => random() * 4 - 2),
    transitions: Float64Array.from({ length: (labels + 1) * labels }, () => random() * 4 - 2),
  };
}

/** Every label sequence and its score, the slow way. */
function enumerate(model: SequenceModel, emissions: Float64Array[]): { labels: number[]; score: number }[] {
  const size = model.labels.length;
  const all: { labels: number[]; score: number }[] = [];
  const walk = (prefix: number[], score: number) => {
    const at = prefix.length;
    if (at === emissions.length) {
      all.push({ labels: prefix, score });
      return;
    }
    for (let label = 0; label < size; label++) {
      const from = at === 0 ? size : prefix[at - 1]!;
      walk([...prefix, label], score + model.transitions[from * size + label]! + emissions[at]![label]!);
    }
  };
  walk([], 0);
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

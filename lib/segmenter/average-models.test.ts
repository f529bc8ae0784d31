import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { averageModels } from "./average-models";
import { scoreLines } from "./sequence-model";
import { trainPerceptron } from "./train-perceptron";

describe("averaging trained models", () => {
  // Two runs on different draws of a small task: the second also sees a feature the first never does.
  const draw = (seed: number, extra: boolean) => {
    const random = createRandom(seed);
    return Array.from({ length: 30 }, () => {
      const features = Array.from({ length: 5 }, (_, i) => [random() < 0.5 ? "a" : "b", ...(extra ? ["c"] : []), ...(i > 0 ? [random() < 0.5 ? "~x" : "~y"] : [])]);
      return { features, labels: features.map((line) => (line[0] === "a" ? 0 : line.includes("~x") ? 1 : 2)) };
    });
  };
  const options = { labels: ["p", "q", "r"], epochs: 3, minFeatureCount: 1 };
  const one = trainPerceptron(draw(1, false), { ...options, seed: 1 });
  const two = trainPerceptron(draw(2, true), { ...options, seed: 2 });
  const mean = averageModels([one, two]);

  it("scores every line as the mean of the models' scores, a missing feature weighing 0", () => {
    const page = [["a", "c"], ["b", "~x"], ["b", "c", "~y"], ["a", "~x"]];
    const [s1, s2, sm] = [one, two, mean].map((model) => scoreLines(model, page));
    expect(one.featureIndex.has("c")).toBe(false);
    expect(mean.featureIndex.has("c")).toBe(true);
    sm!.emissions.forEach((row, i) => row.forEach((score, label) => expect(score).toBeCloseTo((s1!.emissions[i]![label]! + s2!.emissions[i]![label]!) / 2, 9)));
    sm!.edges.forEach((row, i) => row?.forEach((score, at) => expect(score).toBeCloseTo(((s1!.edges[i]?.[at] ?? 0) + (s2!.edges[i]?.[at] ?? 0)) / 2, 9)));
    mean.transitions.forEach((weight, at) => expect(weight).toBeCloseTo((one.transitions[at]! + two.transitions[at]!) / 2, 9));
  });

  it("is the model itself for one run, and refuses models over different labels", () => {
    const alone = averageModels([one]);
    expect([...alone.weights]).toEqual([...one.weights]);
    expect([...alone.featureIndex]).toEqual([...one.featureIndex]);
    expect(() => averageModels([one, { ...two, labels: ["p", "q", "s"] }])).toThrow(/label sets differ/);
    expect(() => averageModels([])).toThrow(/no model/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { encodeCharPairs } from "./char-pairs";
import { decodeLexicon, fromModelFile, loadShippedModel, MODEL_PATH, parseModelFile, readModelTraining, serializeModelFile, toModelFile, useModelFile } from "./model-file";
import { decodeSequence, scoreLines } from "./sequence-model";
import { trainPerceptron } from "./train-perceptron";
import { createPairFilter, encodePairFilter, hasPair } from "./pair-filter";
import { encodeSubjectSpace } from "./subject-space";

describe("the model file", () => {
  // Line features and edge features (~…) both carry weight in this small task.
  const random = createRandom(9);
  const pages = Array.from({ length: 40 }, () => {
    const features = Array.from({ length: 6 }, (_, i) => [random() < 0.5 ? "a" : "b", ...(i > 0 ? [random() < 0.5 ? "~x" : "~y"] : [])]);
    return { features, labels: features.map((line) => (line[0] === "a" ? 0 : line[1] === "~x" ? 1 : 2)) };
  });
  const model = trainPerceptron(pages, { labels: ["p", "q", "r"], epochs: 4, seed: 1, minFeatureCount: 1 });
  const file = toModelFile(model, { test: true }, {
    charPairs: encodeCharPairs(["的", "了"], [1]),
    wordPairs: encodePairFilter(createPairFilter([["加快", "推进"]], 1, 0.01)),
    charTriples: encodePairFilter(createPairFilter([["召开", "了"]], 1, 0.01)),
    subjectSpace: encodeSubjectSpace(["农业", "铁路"], Float64Array.from([1, 0, 0, -1]), 2),
  });
  const loaded = fromModelFile(parseModelFile(serializeModelFile(file)));

  it("keeps every weight, edge weights included, to a thousandth", () => {
    expect(model.edgeIndex.size).toBeGreaterThan(0);
    expect([...loaded.edgeIndex.keys()].sort()).toEqual([...model.edgeIndex.keys()].filter((feature) => file.edges.some(([name]) => name === feature)).sort());
    for (const [feature, row] of model.edgeIndex) {
      const at = loaded.edgeIndex.get(feature);
      const width = model.labels.length ** 2;
      for (let column = 0; column < width; column++) {
        const weight = model.edgeWeights[row * width + column]!;
        expect(at === undefined ? 0 : loaded.edgeWeights[at * width + column]!).toBeCloseTo(weight, 3);
      }
    }
    for (const [feature, row] of model.featureIndex) {
      const at = loaded.featureIndex.get(feature);
      for (let label = 0; label < 3; label++) expect(at === undefined ? 0 : loaded.weights[at * 3 + label]!).toBeCloseTo(model.weights[row * 3 + label]!, 3);
    }
  });

  it("keeps the join look-ups and the subject space", () => {
    const lexicon = decodeLexicon(parseModelFile(serializeModelFile(file)));
    expect([...lexicon.charPairs.pairs]).toEqual([1]);
    expect(hasPair(lexicon.wordPairs, "加快", "推进")).toBe(true);
    expect(hasPair(lexicon.charTriples, "召开", "了")).toBe(true);
    expect([...lexicon.subjects.index]).toEqual([["农业", 0], ["铁路", 1]]);
    expect(Array.from(lexicon.subjects.vectors)).toEqual([127, 0, 0, -127]);
  });

  it("decodes as the trained model does", () => {
    for (const page of pages) expect(decodeSequence(loaded, scoreLines(loaded, page.features)).labels).toEqual(decodeSequence(model, scoreLines(model, page.features)).labels);
  });

  it("can be read from another file by evaluation tools (eval:parse --model), and back from the shipped one", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "baoku-model-"));
    try {
      const other = path.join(folder, "tune.json");
      writeFileSync(other, serializeModelFile(toModelFile(model, { splits: ["train"] }, { charPairs: file.charPairs, wordPairs: file.wordPairs, charTriples: file.charTriples, subjectSpace: file.subjectSpace })));
      useModelFile(pathToFileURL(other));
      expect(readModelTraining()).toEqual({ splits: ["train"] });
      expect(loadShippedModel().labels).toEqual(["p", "q", "r"]);
    } finally {
      useModelFile(MODEL_PATH);
      rmSync(folder, { recursive: true, force: true });
    }
    expect(readModelTraining().splits).toEqual(["train", "dev"]);
    expect(loadShippedModel().labels).not.toEqual(["p", "q", "r"]);
  });
});

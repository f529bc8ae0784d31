import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serializeModelFile } from "@/lib/segmenter/model-file";
import { loadCorpus } from "./page-gen/corpus";
import { countLexicon, DEFAULT_TRAINING, trainWithLexicon } from "./segmenter-training";

const RMRB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/data/rmrb");

describe("trainWithLexicon", () => {
  it.skipIf(!existsSync(RMRB))(
    `makes the same model file whether its runs train one after another or side by side in workers (needs ${RMRB}; skipped when absent)`,
    async () => {
      const settings = { ...DEFAULT_TRAINING, splits: ["train"] as const, pagesPerFamily: 2, epochs: 2, runs: 3, families: ["interleaved", "unsigned"] as const };
      const corpus = loadCorpus("train");
      const lexicon = countLexicon([...corpus.rmrb, ...corpus.xwlb]);
      const inProcess = serializeModelFile(await trainWithLexicon(settings, lexicon, 1));
      const inWorkers = serializeModelFile(await trainWithLexicon(settings, lexicon, 2));
      expect(inWorkers).toBe(inProcess);
      // Not a degenerate file: three runs were averaged into weights for both families' features.
      expect(JSON.parse(inProcess).training.pages).toBe(12);
    },
    600_000,
  );
});

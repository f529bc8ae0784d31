import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAINING, trainSegmenterModel } from "@/ingest/segmenter-training";
import { LINE_LABELS } from "@/lib/segmenter/labels";
import { MODEL_PATH, parseModelFile, readModelText, serializeModelFile } from "@/lib/segmenter/model-file";

/**
 * The shipped model (lib/segmenter/model.json.gz) is what the training script makes: retraining
 * with the settings recorded in the file gives the same bytes. Fails when the script, the
 * features, the generator or the model file changed without retraining (`npm run train:segmenter`).
 */

const RMRB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/data/rmrb");
/** Training (three runs, average-models.ts) took 6–13 minutes on two cores beside other test files one run after another, 6.4 side by side in worker threads. */
const TRAINING_TIMEOUT_MS = 1_800_000;

describe("the shipped segmenter model", () => {
  const shipped = readModelText(MODEL_PATH);

  it("has the labels the code knows, and was trained with the default settings", () => {
    const file = parseModelFile(shipped);
    expect(file.labels).toEqual([...LINE_LABELS]);
    expect(file.training).toMatchObject({ ...DEFAULT_TRAINING, families: [...DEFAULT_TRAINING.families] });
  });

  it.skipIf(!existsSync(RMRB))(
    `is what npm run train:segmenter makes from the training and tuning months (needs ${RMRB}; skipped when absent)`,
    async () => {
      expect(serializeModelFile(await trainSegmenterModel(DEFAULT_TRAINING)) === shipped).toBe(true);
    },
    TRAINING_TIMEOUT_MS,
  );
});

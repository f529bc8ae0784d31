import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MODEL_PATH, readModelText, serializeModelFile, writeModelText } from "@/lib/segmenter/model-file";
import { DEFAULT_TRAINING, TRAINING_SPLITS, trainSegmenterModel, type TrainingSplit } from "./segmenter-training";

/**
 * `npm run train:segmenter`: retrains the page segmenter and writes lib/segmenter/model.json.gz.
 *
 *   npm run train:segmenter                  retrain with the default settings and write the model
 *   npm run train:segmenter -- --check       retrain and compare with the shipped model (exit 1 if they differ)
 *   npm run train:segmenter -- --pages 60 --epochs 6 --runs 1 --seed 7 --out /tmp/model.json
 *   npm run train:segmenter -- --splits train --out /tmp/tune.json
 *                                            a model of the training months alone, to tune against dev with
 *                                            `npm run eval:parse -- --split dev --model /tmp/tune.json`
 *                                            (the shipped model is refitted on the training and dev months)
 */

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: "string" },
      epochs: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      splits: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
    },
  });
  const settings = {
    ...DEFAULT_TRAINING,
    ...(values.pages ? { pagesPerFamily: readCount("--pages", values.pages) } : {}),
    ...(values.epochs ? { epochs: readCount("--epochs", values.epochs) } : {}),
    ...(values.runs ? { runs: readCount("--runs", values.runs) } : {}),
    ...(values.seed ? { seed: readCount("--seed", values.seed) } : {}),
    ...(values.splits ? { splits: readSplits(values.splits) } : {}),
  };
  const started = performance.now();
  const text = serializeModelFile(await trainSegmenterModel(settings));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const target = values.out ?? fileURLToPath(MODEL_PATH);
  if (values.check) {
    const same = readModelText(target) === text;
    console.log(same ? `train:segmenter: ${target} matches a fresh training run (${seconds} s)` : `train:segmenter: ${target} differs from a fresh training run: retrain with npm run train:segmenter`);
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeModelText(target, text);
  console.log(`train:segmenter: wrote ${target} (${(text.length / 1024).toFixed(0)} kB) in ${seconds} s`);
}

function readSplits(value: string): TrainingSplit[] {
  const names = value.split(",").map((name) => name.trim());
  const splits = names.filter((name): name is TrainingSplit => (TRAINING_SPLITS as readonly string[]).includes(name));
  if (splits.length !== names.length || splits.length === 0) throw new Error(`--splits must list train and/or dev (the test months are never trained on), got ${JSON.stringify(value)}`);
  return [...new Set(splits)];
}

function readCount(name: string, value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return count;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

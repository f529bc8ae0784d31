import { parentPort, workerData } from "node:worker_threads";
import { decodeLexicon } from "@/lib/segmenter/model-file";
import { trainRun, type RunRequest } from "./segmenter-training";

/** One training run in a worker thread (segmenter-training.ts starts it): the request in, the run's model out. */
const { data } = workerData as { data: RunRequest };
parentPort?.postMessage(trainRun(data.settings, data.run, decodeLexicon(data.lexicon)));

import { Worker } from "node:worker_threads";

/**
 * Runs a TypeScript module in a worker thread and resolves with the one message it posts. The
 * worker loads the module through tsx's loader, so this works the same under `tsx` (the npm
 * scripts) and under vitest (the model test), neither of which hands its own loader to workers.
 */

const BOOT = `const { workerData } = require("node:worker_threads"); import("tsx/esm/api").then(({ tsImport }) => tsImport(workerData.module, workerData.module));`;

export function runInWorker<T>(module: URL, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: { module: module.href, data } });
    let settled = false;
    worker.once("message", (message: T) => {
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(new Error(`worker ${module.pathname} failed: ${error.message}`, { cause: error }));
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`worker ${module.pathname} exited with code ${code} before answering`));
    });
  });
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runInWorker } from "./run-in-worker";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-worker-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeModule(name: string, source: string): URL {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return pathToFileURL(file);
}

describe("runInWorker", () => {
  it("runs a TypeScript module in a worker and resolves with what it posts, maps and typed arrays included", async () => {
    const module = writeModule(
      "doubles.ts",
      `import { parentPort, workerData } from "node:worker_threads";
const { data } = workerData as { data: { values: number[] } };
const doubled: Float64Array = Float64Array.from(data.values, (value) => value * 2);
parentPort?.postMessage({ doubled, names: new Map<string, number>([["a", 1]]) });`,
    );
    const answer = await runInWorker<{ doubled: Float64Array; names: Map<string, number> }>(module, { values: [1, 2.5] });
    expect([...answer.doubled]).toEqual([2, 5]);
    expect(answer.names.get("a")).toBe(1);
  });

  it("rejects naming the module when the worker throws", async () => {
    const module = writeModule("throws.ts", `const reason: string = "no pages";\nthrow new Error(reason);`);
    await expect(runInWorker(module, null)).rejects.toThrow(/throws\.ts failed: no pages/);
  });

  it("rejects when the worker ends without answering", async () => {
    const module = writeModule("silent.ts", `export const nothing: number = 0;`);
    await expect(runInWorker(module, null)).rejects.toThrow(/silent\.ts exited with code 0 before answering/);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEngine, type RunningEngine } from "@/lib/search/engine/process";

/** One real Meilisearch for the integration suite, on a free port and a temporary data folder. */
let engine: RunningEngine | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-it-"));
  engine = await startEngine({ dataDir, port: 0 });
  project.provide("meiliUrl", engine.url);
  project.provide("meiliKey", engine.masterKey);
}

export async function teardown(): Promise<void> {
  await engine?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

import { inject } from "vitest";
import { EngineClient } from "@/lib/search/engine/client";

let counter = 0;

export function connectTestEngine(): EngineClient {
  return new EngineClient({ url: inject("meiliUrl"), apiKey: inject("meiliKey") });
}

/** A fresh index name per test file, so files never see each other's documents. */
export function uniqueIndexName(label: string): string {
  counter += 1;
  return `test_${label}_${process.pid}_${Date.now()}_${counter}`;
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { RunningEngine } from "@/lib/search/engine/process";

/** Peak resident memory (kB) of the meilisearch process under the engine's watchdog shell. */
export function readEnginePeakKb(engine: RunningEngine): number {
  try {
    const children = fs.readFileSync(`/proc/${engine.pid}/task/${engine.pid}/children`, "utf8").trim().split(/\s+/);
    let peak = 0;
    for (const child of children) {
      const status = fs.readFileSync(`/proc/${child}/status`, "utf8");
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    }
    return peak;
  } catch {
    return 0;
  }
}

/** Bytes on disk under a file or folder. */
export function sizeOf(target: string): number {
  return Number(execFileSync("du", ["-sb", target], { encoding: "utf8" }).split("\t")[0]);
}

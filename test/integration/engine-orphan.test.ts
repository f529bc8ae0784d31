import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EngineClient } from "@/lib/search/engine/client";
import { waitUntil } from "./process-helpers";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-orphan-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const STARTER = `
import { startEngine } from "./lib/search/engine/process.ts";
const engine = await startEngine({ dataDir: process.argv[2], port: 0 });
console.log(JSON.stringify({ url: engine.url, key: engine.masterKey }));
setInterval(() => {}, 1000);
`;


describe("no orphaned Meilisearch", () => {
  it("stops the engine when the process that started it is killed with SIGKILL", async () => {
    const starter = path.join(process.cwd(), `.orphan-starter-${process.pid}.mts`);
    fs.writeFileSync(starter, STARTER);
    try {
      // Node itself, not the tsx wrapper: the watchdog follows the process that called startEngine.
      const child = spawn(process.execPath, ["--import", "tsx", starter, dataDir], { stdio: ["ignore", "pipe", "inherit"] });
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString()));
        child.once("exit", (code) => reject(new Error(`starter exited early (${code})`)));
      });
      const { url, key } = JSON.parse(line) as { url: string; key: string };
      const client = new EngineClient({ url, apiKey: key });
      expect(await client.isHealthy()).toBe(true);

      child.kill("SIGKILL");
      const gone = await waitUntil(async () => !(await client.isHealthy()), 10_000);
      expect(gone).toBe(true);
    } finally {
      fs.rmSync(starter, { force: true });
    }
  });
});

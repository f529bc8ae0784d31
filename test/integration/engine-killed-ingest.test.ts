import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { findMeilisearchPid } from "./process-helpers";
import { readDocuments } from "@/lib/search/read-documents";

function killProcess(pid: number | null): boolean {
  if (pid === null) return false;
  process.kill(pid, "SIGKILL");
  return true;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-killed-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));


async function listIds(client: EngineClient, indexUid: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of readDocuments({ client, indexUid }, { fields: ["id"] })) ids.push(...page.map((document) => document.id ?? ""));
  return ids;
}

describe("Meilisearch killed in the middle of an ingest", () => {
  it("fails the run with a clear error, and a rerun ends with exactly the articles of a dry run", async () => {
    const feedDir = path.join(root, "feed");
    fs.mkdirSync(feedDir);
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ id: `k-${i}`, date: "2022-03-04", title: `断电测试${i}`, author: "", section: null, source: "测试日报", body: `第${i}条正文，内容较长以便索引需要一些时间。`.repeat(20) }),
    );
    fs.writeFileSync(path.join(feedDir, "feed.jsonl"), lines.join("\n") + "\n");
    const dataDir = path.join(root, "data");
    const dbPath = path.join(dataDir, "meili", "data.ms");
    const expected = (await runIngest({ inputs: [feedDir], client: null, indexUid: "unused", outFile: path.join(root, "dry.jsonl") })).articles;
    const dryIds = fs.readFileSync(path.join(root, "dry.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line).id as string);

    let engine = await startEngine({ dataDir, port: 0 });
    let client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    let killed = false;
    const interrupted = runIngest({
      inputs: [feedDir],
      client,
      indexUid: "articles",
      batchSize: 100,
      onProgress: (progress) => {
        if (!killed && progress.articles >= 600) killed = killProcess(findMeilisearchPid(dbPath));
      },
    });
    await expect(interrupted).rejects.toBeInstanceOf(EngineUnavailableError);
    expect(killed).toBe(true);
    await engine.exited;

    engine = await startEngine({ dataDir, port: 0 });
    client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    try {
      const rerun = await runIngest({ inputs: [feedDir], client, indexUid: "articles" });
      expect(rerun.articles).toBe(expected);
      const ids = await listIds(client, "articles");
      expect(ids).toHaveLength(expected);
      expect(new Set(ids)).toEqual(new Set(dryIds));
    } finally {
      await engine.stop();
    }
  });
});

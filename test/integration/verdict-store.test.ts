import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { setEngineClient } from "@/lib/search/connection";
import { connectTestEngine, uniqueIndexName } from "./helpers";

// Verdicts kept in the data folder (what `npm start` turns on): read back by a process that did
// not compute them, never trusted across index versions, and a folder that cannot hold them only
// costs the sharing. The store is checked by what searches return, on a real engine.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-verdicts-"));
process.env.BAOKU_DATA_DIR = dataDir;
process.env.BAOKU_SHARED_VERDICTS = "1";
process.env.BAOKU_INDEX = uniqueIndexName("verdicts");
const { searchArticles } = await import("@/lib/search/search-articles");
const { forgetRememberedVerdicts } = await import("@/lib/search/term-verifier");
const { closeVerdictStores, openVerdictStore } = await import("@/lib/search/verdict-store");
const { SearchRequestSchema } = await import("@/lib/search/search-request");

const client = connectTestEngine();
const feedDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-verdicts-feed-"));
const TERM = "甲乙丙";
const storeFile = path.join(dataDir, "verdicts.sqlite");

function search(size: number) {
  return searchArticles(SearchRequestSchema.parse({ q: TERM, size }));
}

beforeAll(async () => {
  // "pair" holds every adjacent pair of the term and its ends two apart, but never the term: the
  // engine's phrase matching lists it, verification rejects it.
  const items = [
    { id: "has", body: `今天${TERM}三人到场。` },
    { id: "pair", body: "甲乙，乙丙，甲丁丙。" },
    { id: "none", body: "无关的报道。" },
  ].map((item) => JSON.stringify({ ...item, date: "2022-01-01", title: `标题${item.id}`, author: "李静", section: null, source: "测试日报" }));
  fs.writeFileSync(path.join(feedDir, "feed.jsonl"), items.join("\n") + "\n");
  setEngineClient(client);
  await runIngest({ inputs: [feedDir], client, indexUid: process.env.BAOKU_INDEX ?? "" });
});

afterAll(() => {
  closeVerdictStores();
  setEngineClient(undefined);
  fs.rmSync(feedDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The feed's own id at the end of the stored id. */
function endingOf(id: string): string {
  return ["has", "pair", "none", "more"].find((name) => id.endsWith(name)) ?? id;
}

function readRows(): Array<{ key: string; rejected: string; containing: string }> {
  const db = new Database(storeFile, { readonly: true });
  try {
    return db.prepare("SELECT key, rejected, containing FROM verdicts").all() as Array<{ key: string; rejected: string; containing: string }>;
  } finally {
    db.close();
  }
}

describe("shared verdicts", () => {
  it("stores what verification found", async () => {
    const result = await search(20);
    expect(result.hits.map((hit) => endingOf(hit.article.id))).toEqual(["has"]);
    const row = readRows().find((candidate) => candidate.key.includes(`|${TERM}`));
    expect(row).toBeDefined();
    expect((JSON.parse(row!.rejected) as string[]).map(endingOf)).toEqual(["pair"]);
    expect((JSON.parse(row!.containing) as string[]).map(endingOf)).toEqual(["has"]);
  });

  it("is what a process that has not verified the term uses", async () => {
    // Another process's verdict, planted: it rejects the article that has the term. A search that
    // reads the store (this process has forgotten its own) follows it, so the store is read.
    const row = readRows().find((candidate) => candidate.key.includes(`|${TERM}`))!;
    const [hasId] = JSON.parse(row.containing) as string[];
    const db = new Database(storeFile);
    db.prepare("UPDATE verdicts SET rejected = ?, containing = '[]' WHERE key = ?").run(JSON.stringify([hasId]), row.key);
    db.close();
    forgetRememberedVerdicts();
    const planted = await search(19);
    expect(planted.hits.map((hit) => endingOf(hit.article.id))).toEqual(["pair"]);
  });

  it("is not used once the index changes", async () => {
    fs.appendFileSync(path.join(feedDir, "feed.jsonl"), JSON.stringify({ id: "more", body: `又一篇${TERM}。`, date: "2022-01-02", title: "标题more", author: "李静", section: null, source: "测试日报" }) + "\n");
    await runIngest({ inputs: [feedDir], client, indexUid: process.env.BAOKU_INDEX ?? "" });
    forgetRememberedVerdicts();
    const after = await search(18);
    // The planted verdict belongs to the old version: the truth again, with the new article.
    expect(after.hits.map((hit) => endingOf(hit.article.id)).sort()).toEqual(["has", "more"]);
  });

  it("skips a write while another process is writing, and stays on", () => {
    const folder = fs.mkdtempSync(path.join(dataDir, "busy-"));
    const store = openVerdictStore(folder);
    store.write("first", { rejected: [], containing: ["a"] });
    const other = new Database(path.join(folder, "verdicts.sqlite"));
    other.prepare("BEGIN IMMEDIATE").run();
    store.write("during", { rejected: ["b"], containing: [] });
    other.prepare("COMMIT").run();
    other.close();
    store.write("after", { rejected: ["c"], containing: [] });
    expect(store.read("during")).toBeNull();
    expect(store.read("first")).toEqual({ rejected: [], containing: ["a"] });
    expect(store.read("after")).toEqual({ rejected: ["c"], containing: [] });
    store.close();
  });

  it("turns itself off, with a warning, where the data folder cannot hold it", () => {
    const notAFolder = path.join(dataDir, "a-file");
    fs.writeFileSync(notAFolder, "");
    const script = `
      import { openVerdictStore } from "@/lib/search/verdict-store";
      const store = openVerdictStore(${JSON.stringify(path.join(notAFolder, "inside"))});
      store.write("k", { rejected: ["a"], containing: [] });
      console.log(JSON.stringify(store.read("k")));
    `;
    const run = spawnSync("node_modules/.bin/tsx", ["--eval", script], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("null");
    expect(run.stderr).toContain("verdicts are not kept in");
  });
});

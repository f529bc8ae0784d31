import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { runIngest } from "@/ingest/pipeline";
import type { Article } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import type { EngineClient } from "@/lib/search/engine/http-client";
import { countDocuments, indexExists, readSchemaState } from "@/lib/search/index-admin";
import { createRandom, sampleWithout } from "./quality-random";

/**
 * The bench corpus: picks the input files (all, or a seeded subset with
 * --limit), ingests them into our index through the real pipeline and into a
 * plain Meilisearch index (raw text, default settings) for the baseline, and
 * reads the articles back for ground truth. Records what each indexing cost.
 */

export const DATA_ROOT = path.resolve(process.cwd(), "../shared/data");
const RMRB_DIR = path.join(DATA_ROOT, "rmrb");
const XWLB_FEED = path.join(DATA_ROOT, "xwlb/xwlb.jsonl.gz");
const PAGES_DIR = path.join(DATA_ROOT, "pages");
/** Share of rmrb articles in a --limit subset: they are long, where phrase false positives live. */
const RMRB_SHARE = 0.4;

export type IndexCost = { indexUid: string; documents: number; indexingMs: number; diskBytes: number | null };

export type BenchCorpus = {
  articles: Article[];
  ours: IndexCost;
  plain: IndexCost;
};

export type CorpusOptions = {
  client: EngineClient;
  workDir: string;
  engineDataDir: string;
  limit: number | null;
  seed: number;
  reuse: boolean;
  log: (line: string) => void;
};

type CostRecord = { ours: IndexCost; plain: IndexCost; schema: string };

export async function prepareCorpus(options: CorpusOptions): Promise<BenchCorpus> {
  const label = options.limit === null ? "all" : `n${options.limit}`;
  const articlesFile = path.join(options.workDir, `articles-${label}.jsonl`);
  const costFile = path.join(options.workDir, `costs-${label}.json`);
  const oursUid = `bench_ours_${label}`;
  const plainUid = `bench_plain_${label}`;

  if (options.reuse && fs.existsSync(articlesFile) && fs.existsSync(costFile)) {
    const articles = readArticles(articlesFile);
    const costs = JSON.parse(fs.readFileSync(costFile, "utf8")) as CostRecord;
    const reusable = await isReusable(options.client, oursUid, plainUid, articles.length);
    if (reusable) {
      options.log(`reusing ${oursUid} and ${plainUid} (${articles.length} articles)`);
      return { articles, ...costs };
    }
    options.log("indexes missing, stale or of another size: rebuilding");
  }

  for (const uid of [oursUid, plainUid]) {
    if (await indexExists(options.client, uid)) await options.client.runTask("DELETE", `/indexes/${uid}`);
  }
  const inputs = selectInputs(options);
  options.log(`ingesting ${inputs.length} inputs into ${oursUid} (our pipeline)…`);
  fs.rmSync(articlesFile, { force: true });
  const oursDirs = listIndexDirs(options.engineDataDir);
  const summary = await runIngest({
    inputs,
    client: options.client,
    indexUid: oursUid,
    outFile: articlesFile,
    onProgress: throttle((progress) => options.log(`  ${progress.articles} articles, ${(progress.elapsedMs / 1000).toFixed(0)} s`), 15_000),
  });
  options.log(`  pipeline done in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  const articles = readArticles(articlesFile);
  const ours = await measureIndex(options, oursUid, oursDirs);

  options.log(`indexing the same ${articles.length} articles as raw text into ${plainUid}…`);
  const plainDirs = listIndexDirs(options.engineDataDir);
  await buildPlainIndex(options.client, plainUid, articles);
  const plain = await measureIndex(options, plainUid, plainDirs);

  const state = await readSchemaState(options.client, oursUid);
  const record: CostRecord = { ours, plain, schema: state.status };
  fs.writeFileSync(costFile, JSON.stringify(record, null, 2));
  return { articles, ours, plain };
}

async function isReusable(client: EngineClient, oursUid: string, plainUid: string, articleCount: number): Promise<boolean> {
  const state = await readSchemaState(client, oursUid);
  if (state.status !== "current") return false;
  const [ours, plain] = await Promise.all([countDocuments(client, oursUid), countDocuments(client, plainUid)]);
  return ours === articleCount && plain === articleCount;
}

/** All inputs, or a seeded subset: ~40 % rmrb files, the rest sampled feed lines, plus the OCR pages. */
function selectInputs(options: CorpusOptions): string[] {
  if (options.limit === null) return [RMRB_DIR, XWLB_FEED, PAGES_DIR];
  const random = createRandom(options.seed);
  const rmrbFiles = listFiles(RMRB_DIR, ".txt");
  const rmrbCount = Math.min(rmrbFiles.length, Math.round(options.limit * RMRB_SHARE));
  const chosenRmrb = sampleWithout(random, rmrbFiles, rmrbCount).sort();
  const feedLines = zlib.gunzipSync(fs.readFileSync(XWLB_FEED)).toString("utf8").split("\n").filter((line) => line.trim() !== "");
  const chosenLines = sampleWithout(random, feedLines, Math.max(0, options.limit - rmrbCount));
  const subsetFeed = path.join(options.workDir, `xwlb-subset-n${options.limit}-s${options.seed}.jsonl`);
  fs.writeFileSync(subsetFeed, chosenLines.join("\n") + "\n");
  return [...chosenRmrb, subsetFeed, PAGES_DIR];
}

function listFiles(dir: string, extension: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) files.push(path.join(entry.parentPath, entry.name));
  }
  return files.sort();
}

/** Articles as ingested; an id seen twice (identical content in two files) is kept once, like the index. */
function readArticles(file: string): Article[] {
  const byId = new Map<string, Article>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const article = JSON.parse(line) as Article;
    byId.set(article.id, article);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type PlainDocument = { id: string; title: string; kicker: string; subtitle: string; body: string; authors: string[] };

async function buildPlainIndex(client: EngineClient, indexUid: string, articles: readonly Article[]): Promise<void> {
  await client.runTask("POST", "/indexes", { uid: indexUid, primaryKey: "id" });
  // Only the hit cap is raised, so the baseline can return every match; search settings stay default.
  await client.runTask("PATCH", `/indexes/${indexUid}/settings`, { pagination: { maxTotalHits: 1_000_000 } });
  const pending: number[] = [];
  for (let start = 0; start < articles.length; start += 1000) {
    const batch: PlainDocument[] = articles.slice(start, start + 1000).map((article) => ({
      id: article.id,
      title: article.title,
      kicker: article.kicker ?? "",
      subtitle: article.subtitle ?? "",
      body: blocksToPlainText(article.blocks),
      authors: article.authors.map((author) => author.name),
    }));
    const task = await client.request<{ taskUid: number }>("POST", `/indexes/${indexUid}/documents`, batch, { timeoutMs: 120_000 });
    pending.push(task.taskUid);
    if (pending.length > 3) await client.waitForTask(pending.shift() ?? 0);
  }
  for (const taskUid of pending) await client.waitForTask(taskUid, 3_600_000);
}

type Batch = { uid: number; duration: string | null; stats?: { indexUids?: Record<string, number>; types?: Record<string, number> } };

/** Engine-side indexing time: the summed durations of the batches that added documents to this index. */
async function measureIndex(options: CorpusOptions, indexUid: string, dirsBefore: Set<string>): Promise<IndexCost> {
  let indexingMs = 0;
  let from: number | null = null;
  for (;;) {
    const page: { results: Batch[]; next: number | null } = await options.client.request(
      "GET",
      `/batches?indexUids=${indexUid}&types=documentAdditionOrUpdate&limit=1000${from === null ? "" : `&from=${from}`}`,
    );
    for (const batch of page.results) indexingMs += parseIsoDuration(batch.duration);
    if (page.next === null) break;
    from = page.next;
  }
  const documents = await countDocuments(options.client, indexUid);
  const newDirs = [...listIndexDirs(options.engineDataDir)].filter((dir) => !dirsBefore.has(dir));
  const diskBytes = newDirs.length === 1 ? folderBytes(newDirs[0] ?? "") : null;
  options.log(`  ${indexUid}: ${documents} documents, engine indexing ${(indexingMs / 1000).toFixed(1)} s, ${formatBytes(diskBytes)} on disk`);
  return { indexUid, documents, indexingMs, diskBytes };
}

/** `PT12.345S`, `PT1M2.5S`, `PT1H…` → milliseconds. */
export function parseIsoDuration(duration: string | null): number {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration ?? "");
  if (!match) return 0;
  const [, hours, minutes, seconds] = match;
  return Math.round(((Number(hours ?? 0) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000);
}

/** Each Meilisearch index lives in its own LMDB folder; the new folder after creating one is its footprint. */
function listIndexDirs(engineDataDir: string): Set<string> {
  const root = path.join(engineDataDir, "meili", "data.ms", "indexes");
  if (!fs.existsSync(root)) return new Set();
  return new Set(fs.readdirSync(root).map((name) => path.join(root, name)));
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // Allocated blocks, not the sparse LMDB map size.
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).blocks * 512;
  }
  return total;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "n/a";
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function throttle<T>(fn: (value: T) => void, everyMs: number): (value: T) => void {
  let last = 0;
  return (value) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    fn(value);
  };
}

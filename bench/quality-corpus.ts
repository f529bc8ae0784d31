import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { runIngest } from "@/ingest/pipeline";
import type { Article } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import type { EngineClient } from "@/lib/search/engine/client";
import { configureIndex, countDocuments, indexExists, readSchemaState } from "@/lib/search/index-admin";
import { buildIndex, listIndexDirs, measureIndex, newIndexDirs, uploadInterleaved, type IndexCost } from "./quality-indexing";
import { createRandom, sampleWithout } from "./quality-random";

/**
 * The bench corpus: picks the input files (all, or a seeded subset with
 * --limit), parses them with the real ingest pipeline, and builds our index
 * and a plain Meilisearch index (raw text, default settings) for the baseline.
 *
 * By default both indexes are filled by the same bulk uploader from the
 * articles the pipeline produced, batches alternating between the two, so
 * their engine times compare like for like. With --via-pipeline our index is filled by runIngest itself, as
 * `npm run ingest` does; its engine time then includes the CPU the parser
 * takes from the engine on this 2-core machine.
 */

export const DATA_ROOT = path.resolve(process.cwd(), "../shared/data");
const RMRB_DIR = path.join(DATA_ROOT, "rmrb");
const XWLB_FEED = path.join(DATA_ROOT, "xwlb/xwlb.jsonl.gz");
const PAGES_DIR = path.join(DATA_ROOT, "pages");
/** Share of rmrb articles in a --limit subset: they are long, where phrase false positives live. */
const RMRB_SHARE = 0.4;

export type BenchCorpus = {
  articles: Article[];
  ours: IndexCost;
  plain: IndexCost;
  /** How our index was filled, for the report. */
  oursVia: "bulk" | "pipeline";
};

export type CorpusOptions = {
  client: EngineClient;
  workDir: string;
  engineDataDir: string;
  limit: number | null;
  seed: number;
  reuse: boolean;
  viaPipeline: boolean;
  log: (line: string) => void;
};

type CostRecord = Omit<BenchCorpus, "articles">;

export async function prepareCorpus(options: CorpusOptions): Promise<BenchCorpus> {
  const label = options.limit === null ? "all" : `n${options.limit}`;
  const articlesFile = path.join(options.workDir, `articles-${label}.jsonl`);
  const costFile = path.join(options.workDir, `costs-${label}.json`);
  const oursUid = `bench_ours_${label}`;
  const plainUid = `bench_plain_${label}`;

  if (options.reuse && fs.existsSync(articlesFile) && fs.existsSync(costFile)) {
    const articles = readArticles(articlesFile);
    if (await isReusable(options.client, oursUid, plainUid, articles.length)) {
      options.log(`reusing ${oursUid} and ${plainUid} (${articles.length} articles)`);
      const costs = JSON.parse(fs.readFileSync(costFile, "utf8")) as CostRecord;
      return { articles, ...costs };
    }
    options.log("indexes missing, stale or of another size: rebuilding");
  }

  for (const uid of [oursUid, plainUid]) {
    if (await indexExists(options.client, uid)) await options.client.runTask((meili) => meili.deleteIndex(uid));
  }
  fs.rmSync(articlesFile, { force: true });
  const inputs = selectInputs(options);
  const progress = throttle((articles: number, elapsedMs: number) => options.log(`  ${articles} articles, ${(elapsedMs / 1000).toFixed(0)} s`), 15_000);
  const ingest = (client: EngineClient | null) =>
    runIngest({ inputs, client, indexUid: oursUid, outFile: articlesFile, onProgress: (p) => progress(p.articles, p.elapsedMs) });

  const plainSettings = { pagination: { maxTotalHits: 1_000_000 } };
  let ours: IndexCost;
  let plain: IndexCost;
  if (options.viaPipeline) {
    options.log(`ingesting ${inputs.length} inputs into ${oursUid} through runIngest…`);
    const dirsBefore = listIndexDirs(options.engineDataDir);
    const summary = await ingest(options.client);
    options.log(`  pipeline done in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    ours = await measureIndex(options.client, oursUid, newIndexDirs(options.engineDataDir, dirsBefore));
    options.log(`indexing the same articles as raw text into ${plainUid}…`);
    plain = await buildIndex(options.client, options.engineDataDir, plainUid, plainSettings, readArticles(articlesFile), toPlainDocument);
  } else {
    options.log(`parsing ${inputs.length} inputs with runIngest (dry run)…`);
    const summary = await ingest(null);
    options.log(`  parsed in ${(summary.elapsedMs / 1000).toFixed(1)} s; indexing ${oursUid} and ${plainUid}, batches interleaved…`);
    const dirsBefore = listIndexDirs(options.engineDataDir);
    await configureIndex(options.client, oursUid);
    const oursDirs = newIndexDirs(options.engineDataDir, dirsBefore);
    const plainBefore = listIndexDirs(options.engineDataDir);
    await options.client.runTask((meili) => meili.createIndex(plainUid, { primaryKey: "id" }));
    await options.client.runTask((meili) => meili.index(plainUid).updateSettings(plainSettings));
    await uploadInterleaved(
      options.client,
      [
        { indexUid: oursUid, toDocument: (article: Article) => toIndexDocument(article, toSourceStamp(article.sourceFile, "bench")) },
        { indexUid: plainUid, toDocument: toPlainDocument },
      ],
      readArticles(articlesFile),
    );
    ours = await measureIndex(options.client, oursUid, oursDirs);
    plain = await measureIndex(options.client, plainUid, newIndexDirs(options.engineDataDir, plainBefore));
  }
  const articles = readArticles(articlesFile);
  logCost(options, ours);
  logCost(options, plain);

  const record: CostRecord = { ours, plain, oursVia: options.viaPipeline ? "pipeline" : "bulk" };
  fs.writeFileSync(costFile, JSON.stringify(record, null, 2));
  return { articles, ...record };
}

function logCost(options: CorpusOptions, cost: IndexCost): void {
  const size = cost.diskBytes === null ? "n/a" : `${(cost.diskBytes / 1024 / 1024).toFixed(1)} MiB`;
  options.log(`  ${cost.indexUid}: ${cost.documents} documents, engine indexing ${(cost.indexingMs / 1000).toFixed(1)} s, ${size} on disk`);
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
export function readArticles(file: string): Article[] {
  const byId = new Map<string, Article>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const article = JSON.parse(line) as Article;
    byId.set(article.id, article);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The plain baseline's document: the raw searchable text only. */
export function toPlainDocument(article: Article): Record<string, unknown> {
  return {
    id: article.id,
    title: article.title,
    kicker: article.kicker ?? "",
    subtitle: article.subtitle ?? "",
    body: blocksToPlainText(article.blocks),
    authors: article.authors.map((author) => author.name),
  };
}

function throttle<A extends unknown[]>(fn: (...args: A) => void, everyMs: number): (...args: A) => void {
  let last = 0;
  return (...args) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    fn(...args);
  };
}

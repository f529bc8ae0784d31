/**
 * `npm run bench:ingest`, part 1: parse + segmentation throughput of the ingest on the whole shared
 * corpus (../shared/data: rmrb per-article files, the xwlb feed, the OCR pages), indexing nothing.
 *
 * Every file goes through the steps `npm run ingest` runs before indexing — read, decode, parse,
 * finalize (stable id, jieba keywords, topics) — each timed apart. Topics are timed by a second
 * `assignTopics` call on the same input, so keywords ≈ finalize − topics. The feed is read as a
 * gzip stream by the feed reader, so its read, decode and parse are one step.
 *
 *   npx tsx bench/ingest-parse.ts      (`npm run bench:ingest` runs it, then bench/ingest-index.ts)
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { blocksToPlainText, type ParsedArticle } from "../lib/article/types";
import { assignTopics } from "../lib/article/topics";
import { decodeText } from "../ingest/decode";
import { discoverFiles, type DiscoveredFile } from "../ingest/discover";
import { finalizeArticle, hashFileText } from "../ingest/finalize";
import { parseOcrPage } from "../ingest/parsers/ocr-page";
import { parseRmrbArticle } from "../ingest/parsers/rmrb-article";
import { readJsonlFeed } from "../ingest/parsers/jsonl-feed";
import { looksLikePerArticleFile } from "../ingest/read-source";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA_DIR = path.resolve(HERE, "../../shared/data");
const SOURCES = ["rmrb", "xwlb", "pages"] as const;
const STAGES = ["read", "decode", "parse", "feed read+decode+parse", "finalize", "  of which topics"] as const;

type Stage = (typeof STAGES)[number];
type SourceTotals = { files: number; bytes: number; articles: number; ms: number };

const stageMs = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]));

/** Runs `work`, adding its duration to `stage`. */
function timeStep<T>(stage: Stage, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    stageMs.set(stage, (stageMs.get(stage) ?? 0) + performance.now() - started);
  }
}

function finalizeWithTimings(parsed: ParsedArticle, fileHash: string): void {
  timeStep("finalize", () => finalizeArticle(parsed, fileHash));
  const body = blocksToPlainText(parsed.blocks);
  timeStep("  of which topics", () => assignTopics({ title: parsed.title, kicker: parsed.kicker, subtitle: parsed.subtitle, body, column: parsed.column }));
}

/** A text file the way the ingest reads it: one page of articles, or one per-article file. */
function measureTextFile(file: DiscoveredFile): { bytes: number; articles: number } {
  const bytes = timeStep("read", () => fs.readFileSync(file.absPath));
  const decoded = timeStep("decode", () => decodeText(bytes, file.relPath));
  if (!decoded.ok) throw new Error(decoded.error);
  const fileHash = timeStep("decode", () => hashFileText(decoded.text));
  const meta = { sourceFile: file.relPath, source: "bench", date: null, dateSource: null, page: null };
  const articles = timeStep("parse", () =>
    looksLikePerArticleFile(decoded.text, file.relPath)
      ? [parseRmrbArticle(decoded.text, { ...meta, position: null })]
      : parseOcrPage(decoded.text, meta),
  );
  for (const article of articles) finalizeWithTimings(article, fileHash);
  return { bytes: bytes.length, articles: articles.length };
}

async function measureFeedFile(file: DiscoveredFile): Promise<{ bytes: number; articles: number }> {
  let articles = 0;
  const feed = readJsonlFeed(file.absPath, { sourceFile: file.relPath });
  for (;;) {
    const started = performance.now();
    const next = await feed.next();
    stageMs.set("feed read+decode+parse", (stageMs.get("feed read+decode+parse") ?? 0) + performance.now() - started);
    if (next.done) break;
    if (!next.value.ok) throw new Error(next.value.error);
    finalizeWithTimings(next.value.article, "feed");
    articles++;
  }
  return { bytes: await measureTextBytes(file.absPath), articles };
}

/** Bytes of text a file holds: a gzip feed counts uncompressed, as that is what gets parsed. */
async function measureTextBytes(absPath: string): Promise<number> {
  if (!absPath.endsWith(".gz")) return fs.statSync(absPath).size;
  let bytes = 0;
  for await (const chunk of fs.createReadStream(absPath).pipe(zlib.createGunzip())) bytes += (chunk as Buffer).length;
  return bytes;
}

async function measureSource(source: string): Promise<SourceTotals> {
  const { files } = discoverFiles([path.join(DATA_DIR, source)]);
  const totals: SourceTotals = { files: files.length, bytes: 0, articles: 0, ms: 0 };
  const started = performance.now();
  const topicsBefore = stageMs.get("  of which topics") ?? 0;
  for (const file of files) {
    const result = file.format === "feed" ? await measureFeedFile(file) : measureTextFile(file);
    totals.bytes += result.bytes;
    totals.articles += result.articles;
  }
  // The second assignTopics call only measures; the ingest makes it once, inside finalize.
  totals.ms = performance.now() - started - ((stageMs.get("  of which topics") ?? 0) - topicsBefore);
  return totals;
}

function formatRow(label: string, totals: SourceTotals): string {
  const seconds = totals.ms / 1000;
  const megabytes = totals.bytes / 1048576;
  return [
    label.padEnd(6),
    String(totals.files).padStart(6),
    megabytes.toFixed(1).padStart(8),
    String(totals.articles).padStart(9),
    seconds.toFixed(1).padStart(7),
    (megabytes / seconds).toFixed(2).padStart(7),
    (totals.articles / seconds).toFixed(0).padStart(11),
  ].join("  ");
}

async function main(): Promise<void> {
  if (!fs.existsSync(DATA_DIR)) {
    // Skipping is not a failure: `npm run bench:ingest` goes on to the indexing part.
    console.log(`bench:ingest parse part skipped: the shared corpus is not at ${DATA_DIR}`);
    return;
  }
  console.log(`ingest parse + segmentation, no indexing — ${DATA_DIR}`);
  console.log(["source", " files", "      MB", " articles", " wall s", "   MB/s", " articles/s"].join("  "));
  const all: SourceTotals = { files: 0, bytes: 0, articles: 0, ms: 0 };
  for (const source of SOURCES) {
    if (!fs.existsSync(path.join(DATA_DIR, source))) {
      console.log(`${source.padEnd(6)}  (absent, skipped)`);
      continue;
    }
    const totals = await measureSource(source);
    console.log(formatRow(source, totals));
    for (const key of ["files", "bytes", "articles", "ms"] as const) all[key] += totals[key];
  }
  console.log(formatRow("total", all));

  console.log("\ntime by step (the feed's own reading is one step):");
  for (const stage of STAGES) {
    const ms = stageMs.get(stage) ?? 0;
    console.log(`  ${stage.padEnd(24)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${((ms / all.ms) * 100).toFixed(1).padStart(5)}%`);
  }
  const keywordsMs = (stageMs.get("finalize") ?? 0) - (stageMs.get("  of which topics") ?? 0);
  console.log(`  ${"  of which keywords+id".padEnd(24)} ${(keywordsMs / 1000).toFixed(1).padStart(7)} s  ${((keywordsMs / all.ms) * 100).toFixed(1).padStart(5)}%  (jieba TF-IDF, finalize − topics)`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log("end-to-end indexing against plain Meilisearch is part 2: bench/ingest-index.ts");
}

await main();

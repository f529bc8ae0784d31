import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { runIngest } from "@/ingest/pipeline";
import { blocksToPlainText, type Article } from "@/lib/article/types";
import { EngineClient, UPLOAD_TIMEOUT_MS } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { readEnginePeakKb, sizeOf } from "./engine-stats";

/**
 * `npm run bench:ingest -- --index`: Baoku's whole pipeline (read, parse,
 * segment, index, every task done) against plain Meilisearch indexing the same
 * articles as raw text with default settings, in the same run on the same
 * machine. Prints articles/s, MB/s, peak memory, index size and the ratio.
 */

const SHARED = path.resolve("../shared/data");
const DEFAULT_INPUTS = [path.join(SHARED, "rmrb"), path.join(SHARED, "xwlb/xwlb.jsonl.gz"), path.join(SHARED, "pages")];

type Measured = { seconds: number; articles: number; diskBytes: number; enginePeakKb: number };

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "keep": { type: "boolean", default: false }, index: { type: "boolean", default: true } } });
  const inputs = positionals.length > 0 ? positionals : DEFAULT_INPUTS;
  const missing = inputs.filter((input) => !fs.existsSync(input));
  if (missing.length > 0) {
    console.log(`bench:ingest skipped: ${missing.join(", ")} not found (the shared corpus lives in ../shared/data).`);
    return;
  }
  const inputBytes = inputs.reduce((sum, input) => sum + sizeOf(input), 0);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-bench-ingest-"));
  const jsonl = path.join(root, "articles.jsonl");
  try {
    const ours = await measureOurs(inputs, path.join(root, "ours"), jsonl);
    const plain = await measurePlain(jsonl, path.join(root, "plain"));
    printReport(inputBytes, ours, plain);
  } finally {
    if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

async function measureOurs(inputs: string[], dataDir: string, jsonl: string): Promise<Measured> {
  const engine = await startEngine({ dataDir, port: 0 });
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    const started = performance.now();
    const summary = await runIngest({ inputs, indexUid: "articles", client, outFile: jsonl, onProgress: printProgress("ours") });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write("\n");
    return { seconds, articles: summary.articles, diskBytes: sizeOf(path.join(dataDir, "meili")), enginePeakKb: readEnginePeakKb(engine) };
  } finally {
    await engine.stop();
  }
}

/** Plain Meilisearch: the same articles as {id, title, body, date, source, authors}, default settings. */
async function measurePlain(jsonl: string, dataDir: string): Promise<Measured> {
  const engine = await startEngine({ dataDir, port: 0 });
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    await client.runTask((meili) => meili.createIndex("plain", { primaryKey: "id" }));
    const started = performance.now();
    let batch: Array<Record<string, unknown>> = [];
    const pending: number[] = [];
    let articles = 0;
    const send = async () => {
      if (batch.length === 0) return;
      const documents = batch;
      const { taskUid } = await client.call((meili) => meili.index("plain").addDocuments(documents), { timeoutMs: UPLOAD_TIMEOUT_MS });
      pending.push(taskUid);
      batch = [];
      while (pending.length > 3) await client.waitForTask(pending.shift() ?? 0);
    };
    for await (const line of readline.createInterface({ input: fs.createReadStream(jsonl) })) {
      const article = JSON.parse(line) as Article;
      batch.push({
        id: article.id,
        title: [article.kicker, article.title, article.subtitle].filter(Boolean).join("\n"),
        body: blocksToPlainText(article.blocks),
        date: article.date,
        source: article.source,
        authors: article.authors.map((author) => author.name),
      });
      articles += 1;
      if (batch.length >= 1000) await send();
    }
    await send();
    for (const taskUid of pending) await client.waitForTask(taskUid);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, articles, diskBytes: sizeOf(path.join(dataDir, "meili")), enginePeakKb: readEnginePeakKb(engine) };
  } finally {
    await engine.stop();
  }
}

function printProgress(label: string): (progress: { filesDone: number; filesTotal: number; articles: number; elapsedMs: number }) => void {
  let last = 0;
  return (progress) => {
    if (Date.now() - last < 5000) return;
    last = Date.now();
    process.stderr.write(`\r${label}: ${progress.filesDone}/${progress.filesTotal} files, ${progress.articles} articles, ${(progress.elapsedMs / 1000).toFixed(0)} s`);
  };
}



function printReport(inputBytes: number, ours: Measured, plain: Measured): void {
  const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
  const row = (label: string, measured: Measured) =>
    `${label.padEnd(28)} ${measured.articles.toString().padStart(8)} ${measured.seconds.toFixed(1).padStart(8)} ${(measured.articles / measured.seconds).toFixed(0).padStart(8)} ${(inputBytes / 1048576 / measured.seconds).toFixed(2).padStart(8)} ${mb(measured.enginePeakKb * 1024).padStart(10)} ${mb(measured.diskBytes).padStart(10)}`;
  console.log(`\ninput: ${mb(inputBytes)} MB; node peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  console.log(`${"".padEnd(28)} ${"articles".padStart(8)} ${"seconds".padStart(8)} ${"art/s".padStart(8)} ${"MB/s".padStart(8)} ${"engine MB".padStart(10)} ${"disk MB".padStart(10)}`);
  console.log(row("Baoku pipeline (end to end)", ours));
  console.log(row("plain Meilisearch (index)", plain));
  console.log(`ratio Baoku / plain: time ${(ours.seconds / plain.seconds).toFixed(2)}×, disk ${(ours.diskBytes / plain.diskBytes).toFixed(2)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runIngest } from "@/ingest/pipeline";
import { loadAuthorDirectory } from "@/lib/search/author-directory";
import { toCodedPhrase } from "@/lib/search/coded-chars";
import { HIT_FIELDS } from "@/lib/search/documents";
import { CODED_LOCALES } from "@/lib/search/engine-search";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { readEnginePeakKb, sizeOf } from "./engine-stats";
import { toMatchTerm } from "@/lib/search/exact-match";
import { FACET_FIELDS, forgetRememberedAnswers, searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { waitForSettling } from "@/lib/search/settle-later";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { buildQueries } from "./quality-queries";
import { readArticles, writeReplicaFeed } from "./scale-corpus";
import { percentile, timeEach, timeFirstSearches } from "./latency";
import { createProgressReporter } from "@/ingest/progress";
import { countDocuments } from "@/lib/search/index-admin";

/**
 * `npm run bench:scale -- [--target 500000]`: the whole shared corpus parsed
 * once, replicated to --target articles (distinct ids, dates shifted by whole
 * years per copy), then indexed through the real pipeline in two steps — the
 * first copy (the corpus size), then the rest — with ingest rate, disk, engine
 * memory and search latency measured at both sizes in one run, so growth is
 * read straight off the table. Server-side latency is Meilisearch's own
 * processingTimeMs; "lib/search" is the app's whole search path.
 */

const SHARED = path.resolve("../shared/data");
const INPUTS = [path.join(SHARED, "rmrb"), path.join(SHARED, "xwlb/xwlb.jsonl.gz"), path.join(SHARED, "pages")];
const INDEX = "articles";

type Checkpoint = {
  articles: number;
  ingestSeconds: number;
  addedArticles: number;
  diskBytes: number;
  latency: LatencyRow[];
  /** Building the author directory from every byline, first time for this index version. */
  directorySeconds: number;
  authors: number;
};
type LatencyRow = { name: string; p50: number; p95: number; p99: number };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: "string", default: "500000" },
      queries: { type: "string", default: "200" },
      "work-dir": { type: "string", default: ".data/bench-scale" },
    },
  });
  const missing = INPUTS.filter((input) => !fs.existsSync(input));
  if (missing.length > 0) {
    console.log(`bench:scale skipped: ${missing.join(", ")} not found (the shared corpus lives in ../shared/data).`);
    return;
  }
  const workDir = path.resolve(values["work-dir"]);
  const target = Number(values.target);
  fs.mkdirSync(workDir, { recursive: true });
  const articlesFile = path.join(workDir, "articles.jsonl");
  if (!fs.existsSync(articlesFile)) {
    log(`parsing the shared corpus into ${articlesFile}`);
    await runIngest({ inputs: INPUTS, indexUid: INDEX, client: null, outFile: articlesFile });
  }
  const articles = await readArticles(articlesFile);
  if (target <= articles.length) throw new Error(`--target ${target} must exceed the corpus (${articles.length} articles)`);
  const baseFeed = path.join(workDir, "scale-base.jsonl.gz");
  const restFeed = path.join(workDir, "scale-rest.jsonl.gz");
  log(`writing ${target} replicas`);
  await writeReplicaFeed(articles, 0, articles.length, baseFeed);
  await writeReplicaFeed(articles, articles.length, target, restFeed);
  const terms = buildQueries(articles, 20240521)
    .filter((query) => !query.sources && !/[\s:：]|^-/u.test(query.q))
    .slice(0, Number(values.queries))
    .map((query) => query.q);
  // Terms of their own for first searches settled before answering (what exports wait for, and what every search did before).
  const settledTerms = buildQueries(articles, 20240522)
    .filter((query) => !query.sources && !/[\s:：]|^-/u.test(query.q) && !terms.includes(query.q))
    .slice(0, Number(values.queries))
    .map((query) => query.q);

  const dataDir = path.join(workDir, "engine");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const engine = await startEngine({ dataDir, port: 0 });
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    const context: SearchContext = { client, indexUid: INDEX };
    const checkpoints: Checkpoint[] = [];
    for (const feed of [baseFeed, restFeed]) {
      log(`indexing ${path.basename(feed)}`);
      const started = performance.now();
      const summary = await runIngest({ inputs: [feed], indexUid: INDEX, client, onProgress: createProgressReporter(process.stderr) });
      const ingestSeconds = (performance.now() - started) / 1000;
      process.stderr.write("\n");
      const articles = await countDocuments(client, INDEX);
      log(`measuring search at ${articles} articles`);
      const directoryStarted = performance.now();
      const authors = (await loadAuthorDirectory(context)).length;
      const directorySeconds = (performance.now() - directoryStarted) / 1000;
      checkpoints.push({
        directorySeconds,
        authors,
        articles,
        addedArticles: summary.articles,
        ingestSeconds,
        diskBytes: sizeOf(path.join(dataDir, "meili")),
        latency: await measureLatency(terms, settledTerms, client, context),
      });
    }
    printReport(checkpoints, readEnginePeakKb(engine), terms.length);
  } finally {
    await engine.stop();
  }
}

async function measureLatency(terms: readonly string[], settledTerms: readonly string[], client: EngineClient, context: SearchContext): Promise<LatencyRow[]> {
  const raw = (term: string, extra: Record<string, unknown>) =>
    client.call((meili) => meili.index(INDEX).search(toCodedPhrase(toMatchTerm(term)), {
      hitsPerPage: 20,
      page: 1,
      attributesToRetrieve: [...HIT_FIELDS],
      locales: CODED_LOCALES,
      ...extra,
    }));
  const serverSide = async (extra: Record<string, unknown>) => {
    const times: number[] = [];
    for (const term of terms) times.push((await raw(term, extra)).processingTimeMs);
    return times;
  };
  const wall = (run: (term: string) => Promise<unknown>) => timeEach(terms, run);
  const faceted = { facets: [...FACET_FIELDS] };
  const filtered = { ...faceted, filter: 'source = "人民日报" AND dateDay >= 17897', sort: ["dateDay:desc"] };
  // As the results page and the API ask: a first search's page is checked hit by hit and its term verified after the answer.
  const app = (term: string) => searchArticles(SearchRequestSchema.parse({ q: term }), context, { settle: "later" });
  const rows = [
    summarise("engine, plain (server-side)", await serverSide({})),
    summarise("engine, faceted (server-side)", await serverSide(faceted)),
    summarise("engine, filtered+sorted+faceted (server-side)", await serverSide(filtered)),
  ];
  const settledApp = (term: string) => searchArticles(SearchRequestSchema.parse({ q: term }), context);
  const first = await timeFirstSearches(terms, app, settledTerms, settledApp, waitForSettling);
  rows.push(summarise(`lib/search, first search settled before answering (settle now, ${first.settled.length} other terms)`, first.settled));
  rows.push(summarise(`lib/search, first search, one at a time (${first.alone.length} terms, settle later)`, first.alone));
  rows.push(summarise(`lib/search, first search, back to back (${first.streamed.length} terms)`, first.streamed));
  forgetRememberedAnswers();
  rows.push(summarise("lib/search, repeated, verified, answer not remembered", await wall(app)));
  rows.push(summarise("lib/search, repeated, remembered answer", await wall(app)));
  return rows;
}

function summarise(name: string, times: number[]): LatencyRow {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

function printReport(checkpoints: readonly Checkpoint[], enginePeakKb: number, queryCount: number): void {
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
  const [small, large] = checkpoints;
  if (!small || !large) return;
  const lines = [
    "",
    `${"articles in index".padEnd(30)} ${String(small.articles).padStart(12)} ${String(large.articles).padStart(12)} ${"growth".padStart(8)}`,
    row("articles added in this step", small.addedArticles, large.addedArticles, (n) => String(n)),
    row("ingest seconds for the step", small.ingestSeconds, large.ingestSeconds, (n) => n.toFixed(0)),
    row("ingest rate, articles/s", small.addedArticles / small.ingestSeconds, large.addedArticles / large.ingestSeconds, (n) => n.toFixed(0)),
    row("index on disk, MB", small.diskBytes, large.diskBytes, (n) => mb(n)),
    row("author directory, s (cold)", small.directorySeconds, large.directorySeconds, (n) => n.toFixed(1)),
    row("authors in the directory", small.authors, large.authors, (n) => String(n)),
    "",
    `search latency, ${queryCount} single-term queries from the corpus, p50 / p95 / p99 ms`,
  ];
  small.latency.forEach((smallRow, index) => {
    const largeRow = large.latency[index];
    if (!largeRow) return;
    const fmt = (r: LatencyRow) => `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.p99.toFixed(1)}`;
    lines.push(`${smallRow.name.padEnd(46)} ${fmt(smallRow).padStart(22)} ${fmt(largeRow).padStart(22)}   p95 ×${(largeRow.p95 / Math.max(0.5, smallRow.p95)).toFixed(2)}`);
  });
  for (const checkpoint of checkpoints) {
    const again = checkpoint.latency.find((latency) => latency.name.includes("answer not remembered"));
    for (const first of checkpoint.latency.filter((latency) => latency.name.includes("first search"))) {
      if (again) lines.push(`at ${checkpoint.articles} articles, ${first.name}: p95 ${(first.p95 / Math.max(0.01, again.p95)).toFixed(2)}× the verified repeat's (issue #12 asks ≤ 2×)`);
    }
  }
  lines.push("", `engine peak memory ${mb(enginePeakKb * 1024)} MB; node peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  console.log(lines.join("\n"));
}

function row(label: string, small: number, large: number, format: (n: number) => string): string {
  return `${label.padEnd(30)} ${format(small).padStart(12)} ${format(large).padStart(12)} ${`×${(large / small).toFixed(2)}`.padStart(8)}`;
}


function log(message: string): void {
  process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}



main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

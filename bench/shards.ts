import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { runIngest } from "@/ingest/pipeline";
import type { Article } from "@/lib/article/types";
import { clientFor } from "@/lib/search/engine/managed";
import { startEngine, type RunningEngine } from "@/lib/search/engine/process";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema, type SearchRequest } from "@/lib/search/search-request";
import type { Shard } from "@/lib/search/shards";
import { sizeOf } from "./engine-stats";
import { percentile, timeEach } from "./latency";
import { measureIndex } from "./quality-indexing";
import { buildQueries } from "./quality-queries";

/**
 * `npm run bench:shards -- [--queries 200] [--seed 7] [inputs…]`: the same
 * archive on one engine and spread over three engines by date (remote
 * federated search, shards.ts), in one run on one machine. Each layout
 * imports the corpus through the whole pipeline (articles/s) and answers the
 * same searches through lib/search: first time (verification runs, several
 * engine calls) and repeated (the remembered answer after one version read);
 * p50/p95 and the ratios to one engine are printed. A dry run first parses
 * the corpus once to draw the searches from it.
 *
 * All engines run on this machine: three engines share its cores, so this
 * measures what spreading costs, not what three machines gain (README).
 */

const SHARED = path.resolve("../shared/data");
const DEFAULT_INPUTS = [path.join(SHARED, "rmrb"), path.join(SHARED, "xwlb/xwlb.jsonl.gz")];
const INDEX = "articles";

type Layout = { label: string; context: SearchContext; engines: RunningEngine[] };
type EngineShare = { name: string; documents: number; indexingSeconds: number; diskBytes: number };
type Measured = {
  label: string;
  importSeconds: number;
  articles: number;
  first: number[];
  repeated: number[];
  engines: EngineShare[];
  /** Per search: total and the first page's ids, to check the layouts give the same answers. */
  answers: string[];
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { queries: { type: "string", default: "200" }, seed: { type: "string", default: "7" }, keep: { type: "boolean", default: false } },
  });
  const inputs = positionals.length > 0 ? positionals : DEFAULT_INPUTS;
  const missing = inputs.filter((input) => !fs.existsSync(input));
  if (missing.length > 0) {
    console.log(`bench:shards skipped: ${missing.join(", ")} not found (the shared corpus lives in ../shared/data).`);
    return;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-bench-shards-"));
  const layouts: Layout[] = [];
  try {
    const jsonl = path.join(root, "articles.jsonl");
    const parsing = performance.now();
    const parsed = await runIngest({ inputs, indexUid: INDEX, client: null, outFile: jsonl });
    log(`parsed ${parsed.articles} articles in ${((performance.now() - parsing) / 1000).toFixed(1)} s (dry run, to draw the searches)`);
    const articles = await readArticles(jsonl);
    const requests = buildQueries(articles, Number(values.seed))
      .filter((query) => !query.sources)
      .slice(0, Number(values.queries))
      .map((query) => SearchRequestSchema.parse({ q: query.q }));
    const [early, late] = splitDatesInThirds(articles);

    const one = await startEngine({ dataDir: path.join(root, "one"), port: 0 });
    layouts.push({ label: "1 engine", context: { client: clientFor(one), indexUid: INDEX }, engines: [one] });
    const three = await Promise.all([0, 1, 2].map((i) => startEngine({ dataDir: path.join(root, `shard-${i}`), port: 0 })));
    const shards: Shard[] = [
      { name: "early", client: clientFor(three[0]!), holds: { to: early } },
      { name: "middle", client: clientFor(three[1]!), holds: { from: nextDay(early), to: late } },
      { name: "late", client: clientFor(three[2]!), holds: null },
    ];
    layouts.push({ label: `3 engines (to ${early} | to ${late} | rest)`, context: { client: shards[0]!.client, indexUid: INDEX, shards }, engines: three });

    const results: Measured[] = [];
    for (const layout of layouts) results.push(await measure(layout, inputs, requests));
    printReport(results, requests.length);
  } finally {
    for (const layout of layouts) for (const engine of layout.engines) await engine.stop();
    if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

async function measure(layout: Layout, inputs: string[], requests: readonly SearchRequest[]): Promise<Measured> {
  const started = performance.now();
  const summary = await runIngest({ inputs, indexUid: INDEX, client: layout.context.client, shards: layout.context.shards ?? null });
  const importSeconds = (performance.now() - started) / 1000;
  log(`${layout.label}: imported ${summary.articles} articles in ${importSeconds.toFixed(1)} s`);
  const keys = requests.map((_, i) => String(i));
  const answers: string[] = [];
  const run = async (key: string) => {
    const result = await searchArticles(requests[Number(key)] ?? requests[0]!, layout.context);
    answers[Number(key)] = `${result.total}:${result.hits.map((hit) => hit.article.id).join(",")}`;
  };
  const first = await timeEach(keys, run);
  const repeated = await timeEach(keys, run);
  const engines = await Promise.all(
    layout.engines.map(async (engine, i) => {
      const cost = await measureIndex(clientFor(engine), INDEX, []);
      return { name: layout.context.shards?.[i]?.name ?? "one", documents: cost.documents, indexingSeconds: cost.indexingMs / 1000, diskBytes: sizeOf(path.join(engine.dataDir, "meili")) };
    }),
  );
  return { label: layout.label, importSeconds, articles: summary.articles, first, repeated, engines, answers };
}

/** The dates at one and two thirds of the dated articles, so each engine holds about a third. */
function splitDatesInThirds(articles: readonly Article[]): [string, string] {
  const dates = articles.map((article) => article.date).filter((date): date is string => date !== null).sort();
  return [dates[Math.floor(dates.length / 3)] ?? "1970-01-01", dates[Math.floor((2 * dates.length) / 3)] ?? "1970-01-02"];
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

async function readArticles(file: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) if (line.trim()) articles.push(JSON.parse(line) as Article);
  return articles;
}

function printReport(results: readonly Measured[], queries: number): void {
  const [base] = results;
  if (!base) return;
  const format = (times: readonly number[]) => `${percentile(times, 0.5).toFixed(1)} / ${percentile(times, 0.95).toFixed(1)} ms`;
  const ratio = (value: number, reference: number) => `${(value / Math.max(0.001, reference)).toFixed(2)}×`;
  const differing = results.slice(1).map((result) => result.answers.filter((answer, i) => answer !== base.answers[i]).length);
  const lines = [
    "",
    `Same total and first page as 1 engine: ${results
      .slice(1)
      .map((result, i) => `${result.label} ${queries - (differing[i] ?? 0)}/${queries}`)
      .join("; ")}`,
    "",
    `${base.articles} articles, ${queries} searches through lib/search (searchArticles: parse, verify, page of 20, 8 facets, highlights), one after another`,
    "",
    "| layout | import s | articles/s | first search p50 / p95 | repeated p50 / p95 | import time vs 1 engine | first p50 vs 1 engine |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.map((result) =>
      [
        result.label,
        result.importSeconds.toFixed(1),
        Math.round(result.articles / result.importSeconds),
        format(result.first),
        format(result.repeated),
        ratio(result.importSeconds, base.importSeconds),
        ratio(percentile(result.first, 0.5), percentile(base.first, 0.5)),
      ].join(" | "),
    ).map((row) => `| ${row} |`),
  ];
  lines.push(
    "",
    "What each engine holds and did (engine-side indexing time from its batches; on one machine the engines share the cores):",
    "",
    "| layout | engine | documents | engine indexing s | disk MB |",
    "| --- | --- | --- | --- | --- |",
    ...results.flatMap((result) =>
      result.engines.map((engine) => `| ${result.label} | ${engine.name} | ${engine.documents} | ${engine.indexingSeconds.toFixed(1)} | ${(engine.diskBytes / 1e6).toFixed(0)} |`),
    ),
  );
  process.stdout.write(lines.join("\n") + "\n");
}

function log(message: string): void {
  process.stderr.write(`[bench:shards] ${message}\n`);
}

await main();

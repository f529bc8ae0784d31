import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "@/lib/article/types";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { executeQuery, type ExecuteQueryResult, type QueryTarget } from "@/lib/search/execute-query";
import { HIT_FIELDS } from "@/lib/search/documents";
import { FACET_FIELDS } from "@/lib/search/search-articles";
import { waitForSettling } from "@/lib/search/settle-later";
import { buildFilter } from "@/lib/search/filter";
import { compileQuery, type CompiledQuery } from "@/lib/search/query/compile-query";
import { parseQuery } from "@/lib/search/query/parse-query";
import { prepareCorpus } from "./quality-corpus";
import { formatBytes, type IndexCost } from "./quality-indexing";
import { findByEngineOnly } from "./quality-engine-only";
import { buildQueries, type BenchQuery } from "./quality-queries";
import { formatCategoryTable, formatSummaryTable, formatWorst, scoreQuery, summarize, type QueryOutcome } from "./quality-report";
import { buildGroundTruth } from "./quality-truth";

/**
 * `npm run bench:quality -- [--limit N] [--reuse] [--via-pipeline] [--seed S] [--worst K]`
 *
 * Does search return every article that contains the query, and nothing else?
 * Builds ≥300 queries from the corpus, computes ground truth by scanning the
 * normalised text (lib/search/exact-match.ts), and compares our search
 * (lib/search/execute-query.ts over our index) with plain Meilisearch over the
 * raw text with default settings. Also checks that our totals, facet counts and
 * pages agree with the ids returned, and reports indexing time and index size.
 */

const ALL_HITS = 1_000_000;
const PAGE_CHECK_SIZE = 20;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      limit: { type: "string" },
      reuse: { type: "boolean", default: false },
      "via-pipeline": { type: "boolean", default: false },
      seed: { type: "string", default: "20240521" },
      worst: { type: "string", default: "15" },
      "data-dir": { type: "string", default: ".data/bench" },
    },
  });
  const limit = values.limit === undefined ? null : Number(values.limit);
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new Error(`--limit must be a positive integer, got ${values.limit}`);
  const seed = Number(values.seed);
  const workDir = path.resolve(values["data-dir"]);
  fs.mkdirSync(workDir, { recursive: true });
  const log = (line: string) => process.stderr.write(`[quality] ${line}\n`);

  const engine = await startEngine({ dataDir: workDir, port: 0 });
  const stop = () => void engine.stop().then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    const corpus = await prepareCorpus({ client, workDir, engineDataDir: workDir, limit, seed, reuse: values.reuse, viaPipeline: values["via-pipeline"], log });
    const queries = buildQueries(corpus.articles, seed);
    log(`${queries.length} queries over ${corpus.articles.length} articles; computing ground truth…`);
    const truth = buildGroundTruth(corpus.articles);
    const sourceById = new Map(corpus.articles.map((article) => [article.id, article.source]));

    const ours: QueryOutcome[] = [];
    const engineOnly: QueryOutcome[] = [];
    const plain: QueryOutcome[] = [];
    const target = { client, indexUid: corpus.ours.indexUid };
    for (const [index, query] of queries.entries()) {
      const expected = truth.evaluate(query);
      ours.push(await measureOurs(target, query, expected));
      engineOnly.push(await measureEngineOnly(target, query, expected));
      plain.push(await measurePlain(client, corpus.plain.indexUid, query, expected, sourceById));
      if ((index + 1) % 50 === 0) log(`  ${index + 1}/${queries.length} queries`);
    }

    const report = [
      `Corpus: ${corpus.articles.length} articles (${describeMix(corpus.articles)}), seed ${seed}${limit === null ? "" : `, --limit ${limit}`}`,
      "",
      formatSummaryTable([summarize("ours", ours), summarize("engine only", engineOnly), summarize("plain", plain)]),
      "(engine only: our index, Meilisearch phrase matching without verification; plain: raw text, default settings,",
      " the query as typed with matchingStrategy all; times include fetching every hit's id. Ours is timed after the",
      " readers' first page below, once its term is verified.)",
      describeReadersPages(ours),
      "",
      formatCategoryTable([
        { name: "ours", outcomes: ours },
        { name: "engine", outcomes: engineOnly },
        { name: "plain", outcomes: plain },
      ]),
      "",
      formatCosts(corpus.ours, corpus.plain, corpus.oursVia),
      "",
      formatResultSizes(ours),
      "",
      formatWorst("ours", ours, Number(values.worst)),
      "",
      formatWorst("engine only", engineOnly, Number(values.worst)),
      "",
      formatWorst("plain", plain, Number(values.worst)),
    ].join("\n");
    process.stdout.write(report + "\n");
    const label = limit === null ? "all" : `n${limit}`;
    fs.writeFileSync(path.join(workDir, `quality-${label}.json`), JSON.stringify({ ours, engineOnly, plain, costs: { ours: corpus.ours, plain: corpus.plain } }, null, 1));
  } finally {
    await engine.stop();
  }
}

type IdHit = { id: string; source: string };

/** The first pages as the results page asks for them (settle "later"), each checked against the exact ranking. */
function describeReadersPages(outcomes: readonly QueryOutcome[]): string {
  const early = outcomes.filter((outcome) => outcome.answeredBeforeVerification).length;
  const times = outcomes.map((outcome) => outcome.readersMs ?? 0).sort((a, b) => a - b);
  const at = (fraction: number) => (times[Math.min(times.length - 1, Math.floor(fraction * times.length))] ?? 0).toFixed(1);
  return `Readers' first pages (20 hits, settle "later", nothing verified yet): ${early} of ${outcomes.length} answered before their terms were verified; p50 / p95 / p99 ${at(0.5)} / ${at(0.95)} / ${at(0.99)} ms. A page that differs from the exact first page, or a total or facet count below the exact one (or other than it, once exact), counts as inconsistent above.`;
}

async function measureOurs(target: QueryTarget, query: BenchQuery, expected: ReadonlySet<string>): Promise<QueryOutcome> {
  const { compiled, filter } = compileBenchQuery(query);
  const options = {
    compiled,
    filter,
    sort: "relevance" as const,
    facets: ["source"],
    attributesToRetrieve: ["id", "source"],
  };
  // First as a reader's results page asks (settle "later", nothing verified yet): its hits must be the exact
  // first page, and its total at least the exact one. The verification it leaves is awaited before timing.
  const readersStarted = performance.now();
  const readers = await executeQuery<IdHit>(target, { ...options, page: 1, hitsPerPage: PAGE_CHECK_SIZE, attributesToRetrieve: [...HIT_FIELDS], facets: [...FACET_FIELDS], settle: "later" });
  const readersMs = performance.now() - readersStarted;
  await waitForSettling();
  const started = performance.now();
  const all = await executeQuery<IdHit>(target, { ...options, page: 1, hitsPerPage: ALL_HITS });
  const ms = performance.now() - started;
  const outcome = { ...scoreQuery(query, expected, new Set(all.hits.map((hit) => hit.id)), ms), answeredBeforeVerification: !readers.exact, readersMs };
  // Untimed: every facet group of the exact set, which the reader's counts must equal once exact and never fall below before.
  const counted = await executeQuery<IdHit>(target, { ...options, page: 1, hitsPerPage: 0, facets: [...FACET_FIELDS] });
  const inconsistency = checkTotals(all.totalHits, all.hits, all.facetDistribution.source ?? {}) ?? checkReadersPage(readers, all) ?? checkReadersCounts(readers, counted);
  if (inconsistency) return { ...outcome, inconsistency };
  if (all.hits.length > 2 * PAGE_CHECK_SIZE) {
    const second = await executeQuery<IdHit>(target, { ...options, page: 2, hitsPerPage: PAGE_CHECK_SIZE });
    const expectedPage = all.hits.slice(PAGE_CHECK_SIZE, 2 * PAGE_CHECK_SIZE).map((hit) => hit.id);
    const samePage = second.hits.map((hit) => hit.id).join() === expectedPage.join();
    if (!samePage) return { ...outcome, inconsistency: "page 2 differs from the full ranking" };
    if (second.totalHits !== all.totalHits) return { ...outcome, inconsistency: `page 2 total ${second.totalHits} ≠ ${all.totalHits}` };
  }
  return outcome;
}

async function measureEngineOnly(target: QueryTarget, query: BenchQuery, expected: ReadonlySet<string>): Promise<QueryOutcome> {
  const { compiled, filter } = compileBenchQuery(query);
  const started = performance.now();
  const found = await findByEngineOnly(target, compiled, filter);
  return scoreQuery(query, expected, found, performance.now() - started);
}

function compileBenchQuery(query: BenchQuery): { compiled: CompiledQuery | null; filter: string | null } {
  const parsed = parseQuery(query.q);
  if (!parsed.ok) throw new Error(`query ${query.q}: ${parsed.error.message}`);
  const compiled = parsed.query.clauses.length === 0 ? null : compileQuery(parsed.query);
  if (compiled && !compiled.ok) throw new Error(`query ${query.q}: ${compiled.error.message}`);
  const built = buildFilter({ sources: query.sources ?? [] });
  if (!built.ok) throw new Error(built.error.message);
  return { compiled: compiled?.compiled ?? null, filter: built.filter };
}

function checkReadersPage(readers: ExecuteQueryResult<IdHit>, all: ExecuteQueryResult<IdHit>): string | undefined {
  const expected = all.hits.slice(0, PAGE_CHECK_SIZE).map((hit) => hit.id).join();
  if (readers.hits.map((hit) => hit.id).join() !== expected) return `first page answered ${readers.exact ? "after" : "before"} verification differs from the exact one`;
  if (readers.exact ? readers.totalHits !== all.totalHits : readers.totalHits < all.totalHits) return `first page's total ${readers.totalHits} vs exact ${all.totalHits}`;
  return undefined;
}

function checkReadersCounts(readers: ExecuteQueryResult<IdHit>, counted: ExecuteQueryResult<IdHit>): string | undefined {
  for (const facet of FACET_FIELDS) {
    const shown = readers.facetDistribution[facet] ?? {};
    const exact = counted.facetDistribution[facet] ?? {};
    for (const value of new Set([...Object.keys(shown), ...Object.keys(exact)])) {
      const [got, want] = [shown[value] ?? 0, exact[value] ?? 0];
      if (readers.exact ? got !== want : got < want) return `first page's count ${facet}=${value} ${got} vs exact ${want}`;
    }
  }
  return undefined;
}

function checkTotals(totalHits: number, hits: readonly IdHit[], sourceFacet: Record<string, number>): string | undefined {
  if (totalHits !== hits.length) return `totalHits ${totalHits} ≠ ${hits.length} hits`;
  if (new Set(hits.map((hit) => hit.id)).size !== hits.length) return "duplicate hits";
  const counted = new Map<string, number>();
  for (const hit of hits) counted.set(hit.source, (counted.get(hit.source) ?? 0) + 1);
  const facetKeys = new Set([...Object.keys(sourceFacet), ...counted.keys()]);
  for (const key of facetKeys) {
    if ((sourceFacet[key] ?? 0) !== (counted.get(key) ?? 0)) return `facet source=${key}: ${sourceFacet[key] ?? 0} ≠ ${counted.get(key) ?? 0}`;
  }
  return undefined;
}

async function measurePlain(
  client: EngineClient,
  indexUid: string,
  query: BenchQuery,
  expected: ReadonlySet<string>,
  sourceById: ReadonlyMap<string, string>,
): Promise<QueryOutcome> {
  const started = performance.now();
  // Plain Meilisearch as a naive integration would use it: the query as typed, all words required.
  const response = await client.call((meili) =>
    meili.index<{ id: string }>(indexUid).search(query.q, { matchingStrategy: "all", limit: ALL_HITS, attributesToRetrieve: ["id"] }),
  );
  const ms = performance.now() - started;
  const sources = query.sources ? new Set(query.sources) : null;
  const ids = response.hits.map((hit) => hit.id).filter((id) => !sources || sources.has(sourceById.get(id) ?? ""));
  return scoreQuery(query, expected, new Set(ids), ms);
}

function describeMix(articles: readonly Article[]): string {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(article.source, (counts.get(article.source) ?? 0) + 1);
  return [...counts.entries()].map(([source, count]) => `${source} ${count}`).join(", ");
}

function formatCosts(ours: IndexCost, plain: IndexCost, oursVia: "bulk" | "pipeline"): string {
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
  const how =
    oursVia === "bulk"
      ? "both filled by the same bulk uploader"
      : "ours filled by runIngest while it parses, which takes CPU from the engine";
  return [
    `Indexing (engine batch time; ${how}) and size on disk:`,
    `  ours : ${(ours.indexingMs / 1000).toFixed(1)} s, ${formatBytes(ours.diskBytes)}`,
    `  plain: ${(plain.indexingMs / 1000).toFixed(1)} s, ${formatBytes(plain.diskBytes)}`,
    `  ours/plain: time ${ratio(ours.indexingMs, plain.indexingMs)}, size ${ratio(ours.diskBytes, plain.diskBytes)}`,
  ].join("\n");
}

/** How big result sets of single terms of 3+ characters get: what a verification pass must read. */
function formatResultSizes(outcomes: readonly QueryOutcome[]): string {
  const sizes = outcomes
    .filter((outcome) => !/\s/u.test(outcome.query.q.trim()) && [...outcome.query.q].length >= 3)
    .map((outcome) => outcome.found)
    .sort((a, b) => a - b);
  if (sizes.length === 0) return "No single-term queries of 3+ characters.";
  const at = (fraction: number) => sizes[Math.min(sizes.length - 1, Math.floor(fraction * sizes.length))] ?? 0;
  return `Result sizes of ${sizes.length} single-term queries of 3+ characters (ours): p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${at(1)}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

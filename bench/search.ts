import type { SearchParams } from "meilisearch";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "@/lib/article/types";
import { toCodedPhrase } from "@/lib/search/coded-chars";
import { HIT_FIELDS } from "@/lib/search/documents";
import { CODED_LOCALES } from "@/lib/search/engine-search";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { toMatchTerm } from "@/lib/search/exact-match";
import { FACET_FIELDS, forgetRememberedAnswers, searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { waitForSettling } from "@/lib/search/settle-later";
import { SearchRequestSchema, type SearchRequest } from "@/lib/search/search-request";
import { buildQueries } from "./quality-queries";
import { percentile, timeEach as measure, timeFirstSearches } from "./latency";

/**
 * `npm run bench:search -- [--label all] [--queries 200]`: latency of searchArticles
 * (parse, compile, execute with verification, highlights and snippets) on the
 * index `npm run bench:quality` built, next to the single raw Meilisearch
 * search that asks the engine for the same page, in the same run; and the
 * official client on its own transport (Node's fetch) against the same client
 * on the project's keep-alive transport, for the same raw search.
 */

type Scenario = {
  name: string;
  /** What the app sends through lib/search. */
  request: (term: string) => Partial<SearchRequest>;
  /** The raw engine search for the same page, or null when there is no single-search equivalent. */
  raw: ((term: string) => SearchParams & { q: string }) | null;
  /** A term set of its own (1, 2), none of whose terms any other scenario searched: each search is a first one. */
  freshTerms?: 1 | 2;
};

const RAW_PAGE: SearchParams = { hitsPerPage: 20, page: 1, attributesToRetrieve: [...HIT_FIELDS], locales: CODED_LOCALES };
const RECENT = { filter: 'source = "人民日报" AND dateDay >= 17897', sort: ["dateDay:desc"] };

const SCENARIOS: Scenario[] = [
  // Terms of their own, new to the verifier: what a reader's first search with a term costs when the query narrows it.
  { name: "filtered+sorted (cold: first time each term, 人民日报 from 2019)", request: (term) => ({ q: term, source: ["人民日报"], from: "2019-01-01", sort: "newest" }), raw: null, freshTerms: 1 },
  { name: "with a second term (cold: first time each term with 发展)", request: (term) => ({ q: `${term} 发展` }), raw: null, freshTerms: 2 },
  { name: "plain (cold: first time each term is verified)", request: (term) => ({ q: term }), raw: null },
  { name: "plain", request: (term) => ({ q: term }), raw: (term) => ({ ...RAW_PAGE, q: codedQuery(term) }) },
  {
    name: "faceted",
    request: (term) => ({ q: term }),
    raw: (term) => ({ ...RAW_PAGE, q: codedQuery(term), facets: [...FACET_FIELDS] }),
  },
  {
    name: "filtered+sorted",
    request: (term) => ({ q: term, source: ["人民日报"], from: "2019-01-01", sort: "newest" }),
    raw: (term) => ({ ...RAW_PAGE, ...RECENT, q: codedQuery(term), facets: [...FACET_FIELDS] }),
  },
  {
    name: "highlighted (engine highlights and crops the raw fields)",
    request: (term) => ({ q: term }),
    raw: (term) => ({
      ...RAW_PAGE,
      q: codedQuery(term),
      facets: [...FACET_FIELDS],
      attributesToHighlight: ["title", "body"],
      attributesToCrop: ["body"],
      cropLength: 50,
    }),
  },
  { name: "OR of two terms", request: (term) => ({ q: `${term} OR 经济` }), raw: null },
];

function codedQuery(term: string): string {
  return toCodedPhrase(toMatchTerm(term));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      label: { type: "string", default: "all" },
      seed: { type: "string", default: "20240521" },
      queries: { type: "string", default: "200" },
      "data-dir": { type: "string", default: ".data/bench" },
    },
  });
  const workDir = path.resolve(values["data-dir"]);
  const articlesFile = path.join(workDir, `articles-${values.label}.jsonl`);
  if (!fs.existsSync(articlesFile)) throw new Error(`${articlesFile} is missing: run npm run bench:quality first`);
  const articles = fs
    .readFileSync(articlesFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Article);
  const pickTerms = (seed: number, taken: ReadonlySet<string>) =>
    buildQueries(articles, seed)
      .filter((query) => !query.sources && !/[\s:：]|^-/u.test(query.q) && !taken.has(query.q))
      .slice(0, Number(values.queries))
      .map((query) => query.q);
  const terms = pickTerms(Number(values.seed), new Set());
  const fresh1 = pickTerms(Number(values.seed) + 1, new Set(terms));
  const fresh2 = pickTerms(Number(values.seed) + 2, new Set([...terms, ...fresh1]));
  const fresh3 = pickTerms(Number(values.seed) + 3, new Set([...terms, ...fresh1, ...fresh2]));
  const fresh4 = pickTerms(Number(values.seed) + 4, new Set([...terms, ...fresh1, ...fresh2, ...fresh3]));
  const termsOf = (scenario: Scenario) => (scenario.freshTerms === 1 ? fresh1 : scenario.freshTerms === 2 ? fresh2 : terms);

  const engine = await startEngine({ dataDir: workDir, port: 0 });
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    const context: SearchContext = { client, indexUid: `bench_ours_${values.label}` };
    const searchRaw = (through: EngineClient, params: SearchParams & { q: string }) =>
      through.call((meili) => meili.index(context.indexUid).search(params.q, params));
    const lines: string[] = [`${terms.length} single-term queries from the corpus, index ${context.indexUid}, sequential requests`, ""];
    const rows: string[][] = [];
    for (const scenario of SCENARIOS) {
      const ours = await measure(termsOf(scenario), (term) => searchArticles(SearchRequestSchema.parse(scenario.request(term)), context));
      const rawOf = scenario.raw;
      const raw = rawOf ? await measure(termsOf(scenario), (term) => searchRaw(client, rawOf(term))) : null;
      rows.push([
        scenario.name,
        formatPercentiles(ours),
        raw ? formatPercentiles(raw) : "–",
        raw ? `${(percentile(ours, 0.5) / Math.max(0.01, percentile(raw, 0.5))).toFixed(1)}×` : "–",
      ]);
    }
    lines.push(formatRows(["scenario", "lib/search p50/p95/p99 ms", "raw engine p50/p95/p99 ms", "ratio p50"], rows), "");
    lines.push(...(await measureReadersFirstSearch(context, fresh3, fresh4)), "");

    const plainRaw = SCENARIOS.find((scenario) => scenario.name === "plain")?.raw;
    if (plainRaw) {
      const onFetch = new EngineClient(client.connection, "fetch");
      const viaFetch = await measure(terms, (term) => searchRaw(onFetch, plainRaw(term)));
      const viaAgent = await measure(terms, (term) => searchRaw(client, plainRaw(term)));
      lines.push(
        formatRows(
          ["raw plain search, official meilisearch client on", "p50/p95/p99 ms"],
          [
            ["its own transport (Node fetch)", formatPercentiles(viaFetch)],
            ["the keep-alive http agent (keep-alive-transport.ts, what Baoku uses)", formatPercentiles(viaAgent)],
          ],
        ),
        `keep-alive transport p50 is ${(percentile(viaFetch, 0.5) / Math.max(0.01, percentile(viaAgent, 0.5))).toFixed(1)}× faster than the client's own`,
      );
    }
    // A filter group's counts (the results page's per-group and histogram counts, count-articles.ts): that group alone against all eight.
    const countOf = (facets: readonly string[]) => (term: string) =>
      searchRaw(client, { q: codedQuery(term), hitsPerPage: 0, page: 1, facets: [...facets], filter: RECENT.filter, locales: CODED_LOCALES });
    const allGroups = await measure(terms, countOf(FACET_FIELDS));
    const oneGroup = await measure(terms, countOf(["source"]));
    lines.push(
      "",
      formatRows(
        ["raw count without hits, filtered", "p50/p95/p99 ms"],
        [
          ["all eight facet groups (before)", formatPercentiles(allGroups)],
          ["the one group shown (what countArticles asks now)", formatPercentiles(oneGroup)],
        ],
      ),
      `one group p50 is ${(percentile(allGroups, 0.5) / Math.max(0.01, percentile(oneGroup, 0.5))).toFixed(1)}× faster`,
    );
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    await engine.stop();
  }
}

/**
 * A term's first search as the results page and the API make it (settle "later": the page's hits
 * checked, the term verified after the answer; timed one at a time and back to back, see
 * timeFirstSearches), then the same searches once verified with nothing remembered (each term's
 * own cost), then remembered answers.
 */
async function measureReadersFirstSearch(context: SearchContext, terms: readonly string[], settledTerms: readonly string[]): Promise<string[]> {
  const run = (term: string) => searchArticles(SearchRequestSchema.parse({ q: term }), context, { settle: "later" });
  const runSettled = (term: string) => searchArticles(SearchRequestSchema.parse({ q: term }), context);
  const first = await timeFirstSearches(terms, run, settledTerms, runSettled, waitForSettling);
  forgetRememberedAnswers();
  const again = await measure(terms, run);
  const remembered = await measure(terms, run);
  const ratioOf = (times: readonly number[]) => (percentile(times, 0.95) / Math.max(0.01, percentile(again, 0.95))).toFixed(2);
  return [
    formatRows(
      [`first search of ${terms.length} fresh terms, as readers get it (settle "later"; ${first.early} answered before their term was verified)`, "lib/search p50/p95/p99 ms"],
      [
        [`first search, one at a time (${first.alone.length} terms)`, formatPercentiles(first.alone)],
        [`first search settled before answering (settle "now", as before; ${first.settled.length} other terms, alternating with the row above)`, formatPercentiles(first.settled)],
        [`first search, back to back (${first.streamed.length} terms)`, formatPercentiles(first.streamed)],
        ["the same again, verified, answer not remembered (all terms)", formatPercentiles(again)],
        ["the same again, remembered answer", formatPercentiles(remembered)],
      ],
    ),
    `first-search p95 is ${ratioOf(first.alone)}× (one at a time), ${ratioOf(first.streamed)}× (back to back) and ${ratioOf(first.settled)}× (settled before answering) the verified repeat's (issue #12 asks ≤ 2×)`,
  ];
}

function formatPercentiles(sorted: readonly number[]): string {
  return [0.5, 0.95, 0.99].map((fraction) => percentile(sorted, fraction).toFixed(1)).join(" / ");
}

function formatRows(header: readonly string[], rows: readonly string[][]): string {
  return [header, ...rows].map((row) => row.join(" | ")).join("\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

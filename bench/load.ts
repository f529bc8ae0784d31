import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { EngineClient } from "@/lib/search/engine/client";
import { readLiveLock } from "@/lib/search/engine/lock";
import { percentile } from "./latency";
import { drawLoadRequests, type LoadRequest } from "./load-requests";

/**
 * `npm run bench:load`: the built app under concurrent load on loopback.
 *
 * - `--mode mix` (default): a mix of searches, facet changes and article pages at 10, 50 and 200
 *   connections, each for a bounded time. Prints throughput, latency percentiles and errors per level.
 * - `--mode distinct`: at least 1,000 distinct searches drawn from the index (bench/load-requests.ts),
 *   each sent to the raw engine (the same coded phrases, filter, sort, page and facets), to
 *   /api/search and to the results page, at 50 connections and then 200; prints each path's
 *   throughput and latency and its ratio to the raw engine measured in the same run.
 *
 *   npm run bench:load                  # starts the app on .data/bench-load, importing rmrb if empty
 *   npm run bench:load -- --url http://localhost:3000 --seconds 10
 *   npm run bench:load -- --mode distinct [--queries 1200] [--data-dir .data/bench-load]
 */

type AutocannonInstance = NodeJS.EventEmitter & { stop: () => void };
type AutocannonResult = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number; duration: number };
type Autocannon = (options: object, done?: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const QUERIES = ["春运", "小微企业", "脱贫攻坚", "人工智能", "习近平", "疫情防控", "一带一路", "5G", "乡村振兴", "高质量发展", "2019年", "北京", "记者", "改革开放", "生态环境"];
// Percent-encoded as a browser sends them: autocannon stalls for about a second on a path with raw UTF-8.
const FACETS = ["topic=经济", "topic=科技", "sort=newest", "sort=oldest", "from=2019-10-01&to=2019-10-31", "role=摄影"].map((facet) => new URLSearchParams(facet).toString());

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "10,50,200" },
      "data-dir": { type: "string", default: ".data/bench-load" },
      corpus: { type: "string", default: "../shared/data/rmrb" },
      mode: { type: "string", default: "mix" },
      queries: { type: "string", default: "1200" },
      seed: { type: "string", default: "12" },
    },
  });
  if (values.mode !== "mix" && values.mode !== "distinct") throw new Error(`--mode must be mix or distinct, not ${values.mode}`);
  const seconds = Number(values.seconds);
  let app: ChildProcess | null = null;
  let baseUrl = values.url;
  if (!baseUrl) {
    if (!fs.existsSync(values.corpus)) console.log(`note: ${values.corpus} not found; loading whatever the data folder holds (the bundled sample if empty).`);
    else await importCorpus(values.corpus, values["data-dir"]);
    const port = 3310;
    app = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
      env: { ...process.env, PORT: String(port), BAOKU_DATA_DIR: values["data-dir"], MEILI_PORT: "0", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    baseUrl = `http://localhost:${port}`;
    await waitForApp(baseUrl, 600_000);
  }
  try {
    if (values.mode === "distinct") {
      await runDistinct(baseUrl, values["data-dir"], Number(values.queries), Number(values.seed), seconds);
      return;
    }
    const ids = await sampleArticleIds(baseUrl);
    const paths = buildRequestMix(ids);
    console.log(`app: ${baseUrl}; request mix: ${paths.length} distinct paths (searches, facet changes, article pages); ${seconds} s per level`);
    console.log("conns   req/s   p50 ms   p95 ms   p99 ms   errors   requests");
    for (const connections of values.connections.split(",").map(Number)) {
      const level = await runLevel(baseUrl, paths, connections, seconds);
      console.log(
        `${String(connections).padStart(5)} ${level.rps.toFixed(0).padStart(7)} ${level.p50.toFixed(0).padStart(8)} ${level.p95.toFixed(0).padStart(8)} ${level.p99.toFixed(0).padStart(8)} ${String(level.errors).padStart(8)} ${String(level.total).padStart(10)}`,
      );
    }
  } finally {
    app?.kill("SIGTERM");
  }
}

async function importCorpus(corpus: string, dataDir: string): Promise<void> {
  const result = await new Promise<number>((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["ingest/cli.ts", corpus], {
      env: { ...process.env, BAOKU_DATA_DIR: dataDir },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("exit", (code) => resolve(code ?? 1));
  });
  if (result !== 0) throw new Error(`importing ${corpus} failed`);
}

async function waitForApp(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(baseUrl)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${baseUrl} did not come up`);
}

async function sampleArticleIds(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent("发展")}&size=100`);
  const body = (await response.json()) as { hits?: Array<{ article: { id: string } }> };
  return (body.hits ?? []).map((hit) => hit.article.id);
}

/** Deterministic mix: 50% plain searches, 25% searches with a facet, 25% article pages. */
function buildRequestMix(ids: string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < 200; i++) {
    const q = encodeURIComponent(QUERIES[i % QUERIES.length] ?? "");
    if (i % 4 < 2) paths.push(`/search?q=${q}${i % 8 === 1 ? "&page=2" : ""}`);
    else if (i % 4 === 2) paths.push(`/search?q=${q}&${FACETS[i % FACETS.length]}`);
    else paths.push(ids.length > 0 ? `/articles/${ids[i % ids.length]}` : `/search?q=${q}`);
  }
  return paths;
}

type LevelResult = { rps: number; p50: number; p95: number; p99: number; errors: number; total: number };

/** The engine the app serves from: MEILI_URL/MEILI_MASTER_KEY, else the one running on the data folder. */
function findEngine(dataDir: string): EngineClient {
  if (process.env.MEILI_URL) return new EngineClient({ url: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? "" });
  const lock = readLiveLock(path.resolve(dataDir));
  if (!lock) throw new Error(`no engine runs on ${dataDir}; pass --data-dir of the app under test or set MEILI_URL`);
  return new EngineClient({ url: lock.url, apiKey: fs.readFileSync(path.join(dataDir, "master-key"), "utf8").trim() });
}

async function runDistinct(baseUrl: string, dataDir: string, count: number, seed: number, seconds: number): Promise<void> {
  const engine = findEngine(dataDir);
  const indexUid = process.env.BAOKU_INDEX ?? "articles";
  const requests = await drawLoadRequests(engine, indexUid, count, seed);
  const kinds = new Map<string, number>();
  for (const request of requests) kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
  console.log(`app: ${baseUrl}; engine: ${engine.connection.url}; ${requests.length} distinct searches (${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(", ")}); ${seconds} s per run`);
  const targets: Array<{ name: string; run: (connections: number) => Promise<LevelResult> }> = [
    { name: "raw engine (same search, facets)", run: (connections) => runRaw(engine, indexUid, requests, connections, seconds) },
    { name: "GET /api/search", run: (connections) => runLevel(baseUrl, requests.map((r) => `/api/search?${r.query}`), connections, seconds) },
    { name: "GET /search (results page)", run: (connections) => runLevel(baseUrl, requests.map((r) => `/search?${r.query}`), connections, seconds) },
  ];
  // `requests`: against the distinct searches, how many a run repeated (and the app may have answered from memory).
  console.log("path                                conns   req/s   p50 ms   p99 ms   errors   ×engine req/s   p99 ×engine   requests");
  for (const connections of [50, 200]) {
    let engineLevel: LevelResult | null = null;
    for (const target of targets) {
      const level = await target.run(connections);
      engineLevel ??= level;
      const ratio = (level.rps / Math.max(engineLevel.rps, 1e-9)).toFixed(2);
      const p99 = (level.p99 / Math.max(engineLevel.p99, 1)).toFixed(1);
      console.log(
        `${target.name.padEnd(34)} ${String(connections).padStart(5)} ${level.rps.toFixed(0).padStart(7)} ${level.p50.toFixed(0).padStart(8)} ${level.p99.toFixed(0).padStart(8)} ${String(level.errors).padStart(8)} ${ratio.padStart(15)} ${p99.padStart(13)} ${String(level.total).padStart(10)}`,
      );
    }
  }
}

function runRaw(engine: EngineClient, indexUid: string, requests: readonly LoadRequest[], connections: number, seconds: number): Promise<LevelResult> {
  const headers = { Authorization: `Bearer ${engine.connection.apiKey}`, "Content-Type": "application/json" };
  const bodies = requests.map((request) => JSON.stringify(request.raw));
  return runLevel(engine.connection.url, [], connections, seconds, (next) => ({ method: "POST", path: `/indexes/${indexUid}/search`, headers, body: bodies[next % bodies.length] }));
}

function runLevel(
  baseUrl: string,
  paths: string[],
  connections: number,
  seconds: number,
  shape: (next: number) => object = (next) => ({ path: paths[next % paths.length] }),
): Promise<LevelResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ setupRequest: (request: object) => ({ ...request, ...shape(next++) }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const pick = (q: number) => percentile(latencies, q);
        resolve({
          rps: result.requests.total / result.duration,
          p50: pick(0.5),
          p95: pick(0.95),
          p99: pick(0.99),
          errors: result.errors + result.timeouts + result.non2xx,
          total: result.requests.total,
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});


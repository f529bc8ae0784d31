import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { percentile } from "./latency";

/**
 * `npm run bench:load`: the built app under concurrent load on loopback — a
 * mix of searches, facet changes and article pages at 10, 50 and 200
 * connections, each for a bounded time. Prints throughput, latency
 * percentiles and errors per level.
 *
 *   npm run bench:load                  # starts the app on .data/bench-load, importing rmrb if empty
 *   npm run bench:load -- --url http://localhost:3000 --seconds 10
 */

type AutocannonInstance = NodeJS.EventEmitter & { stop: () => void };
type AutocannonResult = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number; duration: number };
type Autocannon = (options: object, done?: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const QUERIES = ["春运", "小微企业", "脱贫攻坚", "人工智能", "习近平", "疫情防控", "一带一路", "5G", "乡村振兴", "高质量发展", "2019年", "北京", "记者", "改革开放", "生态环境"];
const FACETS = ["topic=经济", "topic=科技", "sort=newest", "sort=oldest", "from=2019-10-01&to=2019-10-31", "role=摄影"];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "10,50,200" },
      "data-dir": { type: "string", default: ".data/bench-load" },
      corpus: { type: "string", default: "../shared/data/rmrb" },
    },
  });
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

function runLevel(baseUrl: string, paths: string[], connections: number, seconds: number): Promise<LevelResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ setupRequest: (request: object) => ({ ...request, path: paths[next++ % paths.length] }) }],
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


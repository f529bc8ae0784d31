import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import http from "node:http";
import { readEnv } from "@/lib/config/env";
import { warmUpSearch } from "@/lib/search/warm-up";
import { ISLANDS_DIR, SEARCH_PAGE_SERVER_FILE } from "@/lib/server/islands";
import { takeSearchRequest } from "@/lib/server/search-fast-path";

/**
 * The app's HTTP server, started by scripts/start.ts: Next.js behind a plain Node server that
 * answers GET /api/search and full page loads of /search itself (lib/server/search-fast-path.ts
 * and search-page-fast-path.ts say why) and hands everything else to Next.js unchanged. `--dev`
 * serves with Next's development mode (and leaves the results page to it).
 *
 * BAOKU_WORKERS > 1 runs that many server processes on the one port (node:cluster): one Node
 * process uses one core, and under load it, not the engine, was the limit (README, "Under load").
 */

async function main(): Promise<void> {
  // Every server process, and both copies of lib/search in each, share what verification learns (verdict-store.ts).
  process.env.BAOKU_SHARED_VERDICTS ??= "1";
  const env = readEnv();
  const dev = process.argv.includes("--dev");
  if (!dev && cluster.isPrimary && env.BAOKU_WORKERS > 1) return superviseWorkers(env.BAOKU_WORKERS);
  const hostname = process.env.HOST ?? "localhost";
  // Next reads NODE_ENV when it loads; `next start` sets it the same way.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The fast path's own copy of jieba and the highlighter's table (Next's are loaded by instrumentation.ts): off the first search.
  warmUpSearch();
  // Full loads of the results page are rendered here too, from the production build's assets (search-page-fast-path.ts).
  const fastPages = dev ? null : await loadFastPages();
  const server = http.createServer((request, response) => {
    if (takeSearchRequest(request, response)) return;
    const toNext = () => void handle(request, response);
    if (fastPages?.take(request, response, toNext)) return;
    toNext();
  });
  server.listen(env.PORT, hostname, () => {
    if (cluster.isPrimary) process.stderr.write(`▲ Next.js ${dev ? "dev " : ""}ready on http://${hostname}:${env.PORT}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

type FastPages = { take: (request: http.IncomingMessage, response: http.ServerResponse, fallback: () => void) => boolean };

/** The results page's fast path as scripts/build-islands.ts built it, or null (Next.js then serves every page). */
async function loadFastPages(): Promise<FastPages | null> {
  const file = path.resolve(ISLANDS_DIR, SEARCH_PAGE_SERVER_FILE);
  const built = fs.existsSync(file) ? ((await import(pathToFileURL(file).href)) as typeof import("@/lib/server/search-page-fast-path")) : null;
  const assets = built?.loadFastPageBuild() ?? null;
  if (!built || !assets) {
    process.stderr.write("[baoku] the build has no islands (scripts/build-islands.ts): Next.js serves the results page alone\n");
    return null;
  }
  built.warmUpSearch();
  return { take: (request, response, fallback) => built.takeSearchPageRequest(request, response, assets, fallback) };
}

/** Starts the workers, replaces one that dies unexpectedly, and stops them all on SIGTERM/SIGINT. */
function superviseWorkers(count: number): void {
  let stopping = false;
  let exitCode = 0;
  const listened = new Set<number>();
  for (let i = 0; i < count; i++) cluster.fork();
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping && !listened.has(worker.id)) {
      // It failed before serving (its own message is above): another would fail the same way, forever.
      process.stderr.write(`[baoku] server worker ${worker.process.pid} failed to start (${signal ?? code}); stopping\n`);
      exitCode = 1;
      stop();
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    process.stderr.write(`[baoku] server worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    cluster.fork();
  });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  let ready = 0;
  cluster.on("listening", (worker) => {
    listened.add(worker.id);
    if (++ready === count) process.stderr.write(`▲ Next.js ready on http://${process.env.HOST ?? "localhost"}:${readEnv().PORT} (${count} server processes)\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败 / start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { readEnv, resolveDataDir } from "@/lib/config/env";
import { getEngineClient, getShards, setEngineClient } from "@/lib/search/connection";
import { joinNetwork } from "@/lib/search/network";
import { toOnlyShard } from "@/lib/search/shards";
import { EngineError } from "@/lib/search/engine/errors";
import { clientFor } from "@/lib/search/engine/managed";
import { startEngine } from "@/lib/search/engine/process";
import { superviseEngine, type EngineSupervisor } from "@/lib/search/engine/supervise";
import { createProgressReporter } from "@/ingest/progress";
import { prepareServedIndex } from "@/ingest/served-index";
import { closeDatabases, getDatabase } from "@/lib/corrections/database";
import { ISLANDS_MANIFEST } from "@/lib/server/islands";

/**
 * `npm start`: Meilisearch up, the bundled sample ingested if the index is
 * empty, the app built if its sources changed, then served on localhost
 * (scripts/serve.ts). `--dev` serves in Next's development mode instead. Ctrl-C stops everything.
 */

const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const dev = process.argv.includes("--dev");
  const env = readEnv();
  const host = process.env.HOST ?? "localhost";
  await assertPortFree(env.PORT, host);

  let supervisor: EngineSupervisor | null = null;
  if (!env.MEILI_URL && !env.BAOKU_ENGINES) {
    const engine = await startEngine({ dataDir: resolveDataDir(env), port: env.MEILI_PORT });
    supervisor = superviseEngine(engine, log);
    setEngineClient(clientFor(engine));
    log(`Meilisearch ${engine.url} (data: ${path.relative(process.cwd(), engine.dataDir) || "."})`);
  }
  const stopEngine = async () => {
    const dataDir = supervisor?.current().dataDir;
    await supervisor?.stop();
    if (process.env.BAOKU_EPHEMERAL === "1" && dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  let app: ChildProcess | null = null;
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    await stopEngine();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const client = getEngineClient();
    const shards = getShards() ?? [toOnlyShard(client)];
    if (shards.length > 1) await joinNetwork(shards);
    await prepareServedIndex({ client, shards, indexUid: env.BAOKU_INDEX, log, onProgress: createProgressReporter(process.stderr), corrections: getDatabase(resolveDataDir(env)) });
    // The server processes open the database themselves.
    closeDatabases();
    if (!dev && needsBuild()) {
      log("Building the app (next build)…");
      const build = spawnSync(nextBin(), ["build"], { stdio: "inherit", env: process.env });
      if (build.status !== 0) throw new Error("next build failed (see above)");
      const islands = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/build-islands.ts"], { stdio: "inherit", env: process.env });
      if (islands.status !== 0) throw new Error("the islands build failed (see above)");
    }
  } catch (error) {
    process.stderr.write(`\n启动失败 / start failed: ${(error as Error).message}\n`);
    await shutdown(1);
    return;
  }

  const connection = getEngineClient().connection;
  // Next.js behind the server that answers the search API itself (serve.ts).
  app = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    // Several engines: the app reads the same BAOKU_ENGINES file.
    env: { ...process.env, HOST: host, ...(env.BAOKU_ENGINES ? {} : { MEILI_URL: connection.url, MEILI_MASTER_KEY: connection.apiKey }) },
  });
  app.once("exit", (code) => void shutdown(code ?? 1));
  log(`Baoku 报库 is running: open http://localhost:${env.PORT}`);
}

function nextBin(): string {
  return path.resolve("node_modules/.bin/next");
}

/** A build is needed when there is none or a source is newer than it. */
function needsBuild(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!fs.existsSync(buildId) || !fs.existsSync(path.resolve(ISLANDS_MANIFEST))) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.resolve(input)) > builtAt);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target, { withFileTypes: true })
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry.name))), stat.mtimeMs);
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(new EngineError(`Port ${port} on ${host} is already in use: stop what runs there or set PORT to another port.`)),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

function log(message: string): void {
  process.stderr.write(`[baoku] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败 / start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

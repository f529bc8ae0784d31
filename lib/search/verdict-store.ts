import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readEnv, resolveDataDir } from "@/lib/config/env";

/**
 * Verdicts of the term verifier (term-verifier.ts) kept on disk, in `verdicts.sqlite` in the data
 * folder, so that a term verified once for an index version is not verified again by another
 * server process (BAOKU_WORKERS), by the other copy of lib/search in the same process (the search
 * API's fast path and Next's server bundle each hold one), or after a restart. Verdicts are keyed
 * by the index version, which names the engine, the index and when it last changed, so a verdict
 * never outlives the text it was computed on.
 *
 * It is a cache: `synchronous = OFF` (a write lost in a crash is recomputed), the oldest entries go
 * once it holds more than MAX_STORED_IDS ids, and a data folder that cannot be written only
 * leaves each process with its own memory (the store turns itself off, once, with a warning).
 */

export type StoredVerdicts = { rejected: readonly string[]; containing: readonly string[] };

export type VerdictStore = {
  read: (key: string) => StoredVerdicts | null;
  write: (key: string, verdicts: StoredVerdicts) => void;
  close: () => void;
};

/** No store: the integration tests and command-line tools, unless they turn it on (BAOKU_SHARED_VERDICTS). */
const NO_STORE: VerdictStore = { read: () => null, write: () => {}, close: () => {} };

const STORE_FILE = "verdicts.sqlite";
/** About 30 MB of ids; trimmed to three quarters when exceeded. */
const MAX_STORED_IDS = 1_500_000;
const TRIM_EVERY_WRITES = 200;

type Statements = {
  read: Database.Statement<[string], { rejected: string; containing: string }>;
  touch: Database.Statement<[number, string]>;
  write: Database.Statement<[string, string, string, number, number]>;
  total: Database.Statement<[], { ids: number | null }>;
  oldest: Database.Statement<[], { key: string; ids: number }>;
  drop: Database.Statement<[string]>;
};

const stores = new Map<string, VerdictStore>();

/**
 * The store of the configured data folder (one connection per folder and process), when
 * BAOKU_SHARED_VERDICTS is on: `npm start` turns it on for its server processes (scripts/serve.ts).
 */
export function getVerdictStore(): VerdictStore {
  const env = readEnv();
  if (!env.BAOKU_SHARED_VERDICTS) return NO_STORE;
  const dataDir = resolveDataDir(env);
  let store = stores.get(dataDir);
  if (!store) {
    store = openVerdictStore(dataDir);
    stores.set(dataDir, store);
  }
  return store;
}

export function openVerdictStore(dataDir: string): VerdictStore {
  let statements: Statements | null;
  let db: Database.Database | null = null;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    db = new Database(path.join(dataDir, STORE_FILE));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    // Writes run on the request path: wait at most a moment for another process's write, then skip it.
    db.pragma("busy_timeout = 50");
    db.exec("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, rejected TEXT NOT NULL, containing TEXT NOT NULL, ids INTEGER NOT NULL, used INTEGER NOT NULL)");
    db.exec("CREATE INDEX IF NOT EXISTS verdicts_used ON verdicts (used)");
    statements = {
      read: db.prepare("SELECT rejected, containing FROM verdicts WHERE key = ?"),
      touch: db.prepare("UPDATE verdicts SET used = ? WHERE key = ?"),
      write: db.prepare("INSERT OR REPLACE INTO verdicts (key, rejected, containing, ids, used) VALUES (?, ?, ?, ?, ?)"),
      total: db.prepare("SELECT SUM(ids) AS ids FROM verdicts"),
      oldest: db.prepare("SELECT key, ids FROM verdicts ORDER BY used LIMIT 1000"),
      drop: db.prepare("DELETE FROM verdicts WHERE key = ?"),
    };
  } catch (error) {
    db?.close();
    statements = null;
    warnOnce(dataDir, error);
  }
  let writes = 0;
  const turnOff = (error: unknown) => {
    statements = null;
    warnOnce(dataDir, error);
  };
  return {
    close() {
      statements = null;
      db?.close();
    },
    read(key) {
      if (!statements) return null;
      try {
        const row = statements.read.get(key);
        if (!row) return null;
        runUnlessBusy(() => statements?.touch.run(Date.now(), key));
        return { rejected: JSON.parse(row.rejected) as string[], containing: JSON.parse(row.containing) as string[] };
      } catch (error) {
        turnOff(error);
        return null;
      }
    },
    write(key, verdicts) {
      if (!statements) return;
      try {
        const ids = verdicts.rejected.length + verdicts.containing.length;
        const write = statements.write;
        runUnlessBusy(() => write.run(key, JSON.stringify(verdicts.rejected), JSON.stringify(verdicts.containing), ids, Date.now()));
        if (++writes % TRIM_EVERY_WRITES === 0) runUnlessBusy(() => statements && trim(statements));
      } catch (error) {
        turnOff(error);
      }
    },
  };
}

/** Another process is writing: this write is skipped (a cache may miss an entry), the store stays on. */
function runUnlessBusy(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
  }
}

function trim(statements: Statements): void {
  let total = statements.total.get()?.ids ?? 0;
  if (total <= MAX_STORED_IDS) return;
  while (total > (MAX_STORED_IDS * 3) / 4) {
    const rows = statements.oldest.all();
    if (rows.length === 0) return;
    for (const row of rows) {
      statements.drop.run(row.key);
      total -= row.ids;
      if (total <= (MAX_STORED_IDS * 3) / 4) return;
    }
  }
}

const warned = new Set<string>();

function warnOnce(dataDir: string, error: unknown): void {
  if (warned.has(dataDir)) return;
  warned.add(dataDir);
  console.warn(`Baoku: verdicts are not kept in ${path.join(dataDir, STORE_FILE)} (${error instanceof Error ? error.message : String(error)}); each process verifies terms for itself.`);
}

/** For tests: close the connections (the files stay). */
export function closeVerdictStores(): void {
  for (const store of stores.values()) store.close();
  stores.clear();
}

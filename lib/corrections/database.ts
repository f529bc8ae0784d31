import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readEnv, resolveDataDir } from "@/lib/config/env";

/**
 * The librarians' database: accounts, sessions, corrections with their audit log, and the
 * review queue. SQLite in the data folder (better-sqlite3), in WAL mode with full sync, so a
 * correction is either wholly there or not at all, even when the app is killed mid-write.
 */

export type Db = Database.Database;

export const DATABASE_FILE = "baoku.sqlite";

/** Each entry moves the schema one version up; never edit a shipped entry, add one. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE librarians (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    librarian TEXT NOT NULL REFERENCES librarians(name) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE sign_in_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);
  CREATE TABLE corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fields', 'merge', 'split', 'not-article')),
    payload TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    undone_by TEXT,
    undone_at TEXT,
    stale_reason TEXT,
    stale_at TEXT
  );
  CREATE INDEX corrections_article ON corrections (article_id);
  CREATE INDEX corrections_fingerprint ON corrections (fingerprint);
  CREATE TABLE correction_targets (
    correction_id TEXT NOT NULL REFERENCES corrections(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL
  );
  CREATE INDEX correction_targets_article ON correction_targets (article_id);
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    correction_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('apply', 'undo', 'import', 'flag', 'fit')),
    librarian TEXT NOT NULL,
    at TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX audit_log_correction ON audit_log (correction_id);
  CREATE TABLE review_items (
    article_id TEXT PRIMARY KEY,
    source_path TEXT NOT NULL,
    source_file TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    boundary REAL NOT NULL,
    byline REAL NOT NULL,
    weakest TEXT NOT NULL,
    checked_by TEXT,
    checked_at TEXT
  );
  CREATE INDEX review_items_source ON review_items (source_path);
  `,
];

const open = new Map<string, Db>();

/** The database of the data folder (created on first use). One connection per file and process. */
export function getDatabase(dataDir: string = resolveDataDir(readEnv())): Db {
  const file = path.join(dataDir, DATABASE_FILE);
  const existing = open.get(file);
  if (existing?.open) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(file);
  open.set(file, db);
  return db;
}

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // FULL: a committed correction survives a power cut too, not only a killed process.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`${db.name} was written by a newer Baoku (schema ${version}, this one knows ${MIGRATIONS.length}); update Baoku.`);
  }
  for (let next = version; next < MIGRATIONS.length; next += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

/** For tests: forget open connections (the files stay). */
export function closeDatabases(): void {
  for (const db of open.values()) db.close();
  open.clear();
}

import { randomUUID } from "node:crypto";
import type { Article } from "@/lib/article/types";
import { toSplitId } from "./apply-corrections";
import { CorrectionPayloadSchema, type Correction, type CorrectionPayload } from "./correction-input";
import type Database from "better-sqlite3";
import type { Db } from "./database";

/**
 * Corrections and their audit log in SQLite. Every change is one transaction: the correction,
 * the articles it touches and its audit entry (who, when, before and after) are written
 * together or not at all.
 */

type Row = {
  seq: number;
  id: string;
  article_id: string;
  fingerprint: string;
  payload: string;
  created_by: string;
  created_at: string;
  undone_by: string | null;
  undone_at: string | null;
  stale_reason: string | null;
};

export type AuditEntry = { action: "apply" | "undo" | "import" | "flag" | "fit"; librarian: string; at: string; before: Article[] | null; after: Article[] | null };

/** A newer correction of the same articles has to be undone first. */
export class UndoOrderError extends Error {
  override name = "UndoOrderError";
}

export class CorrectionNotFoundError extends Error {
  override name = "CorrectionNotFoundError";
}

function toCorrection(row: Row): Correction {
  return {
    id: row.id,
    seq: row.seq,
    articleId: row.article_id,
    fingerprint: row.fingerprint,
    payload: CorrectionPayloadSchema.parse(JSON.parse(row.payload)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    undoneBy: row.undone_by,
    undoneAt: row.undone_at,
    staleReason: row.stale_reason,
  };
}

/** The articles a correction changes: its own, and the next one (merge) or the one it makes (split). */
export function listTargets(articleId: string, payload: CorrectionPayload): string[] {
  if (payload.kind === "merge") return [articleId, payload.nextId];
  if (payload.kind === "split") return [articleId, toSplitId(articleId, payload.atBlock)];
  return [articleId];
}

export function hasCorrections(db: Db): boolean {
  return db.prepare("SELECT 1 FROM corrections LIMIT 1").get() !== undefined;
}

/**
 * The corrections that may apply to these articles (by id or by text), and to the articles
 * their splits make, oldest first.
 */
export function findCorrectionsFor(db: Db, articles: ReadonlyArray<{ id: string; fingerprint: string }>): Correction[] {
  const { byId, byText } = prepareLookups(db);
  const found = new Map<string, Correction>();
  const pending = [...articles.map((article) => article.id)];
  const seenIds = new Set<string>();
  const add = (row: Row) => {
    if (found.has(row.id)) return;
    const correction = toCorrection(row);
    found.set(row.id, correction);
    for (const target of listTargets(correction.articleId, correction.payload)) pending.push(target);
  };
  for (const article of articles) for (const row of byText.all(article.fingerprint)) add(row);
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seenIds.has(id)) continue;
    seenIds.add(id);
    for (const row of byId.all(id)) add(row);
  }
  return [...found.values()].sort((a, b) => a.seq - b.seq);
}

type Lookups = { byId: Database.Statement<[string], Row>; byText: Database.Statement<[string], Row> };
/** Prepared once per connection: the importer looks up every article it reads. */
const lookups = new WeakMap<Db, Lookups>();

function prepareLookups(db: Db): Lookups {
  let prepared = lookups.get(db);
  if (!prepared) {
    prepared = {
      byId: db.prepare<[string], Row>("SELECT * FROM corrections WHERE article_id = ? AND undone_at IS NULL"),
      byText: db.prepare<[string], Row>("SELECT * FROM corrections WHERE fingerprint = ? AND undone_at IS NULL"),
    };
    lookups.set(db, prepared);
  }
  return prepared;
}

export function readCorrection(db: Db, id: string): Correction | null {
  const row = db.prepare<[string], Row>("SELECT * FROM corrections WHERE id = ?").get(id);
  return row ? toCorrection(row) : null;
}

/** Every correction touching any of these articles, newest first (the article page's history). */
export function listCorrectionsOf(db: Db, articleIds: readonly string[]): Correction[] {
  if (articleIds.length === 0) return [];
  const rows = db
    .prepare<string[], Row>(
      `SELECT DISTINCT c.* FROM corrections c JOIN correction_targets t ON t.correction_id = c.id
       WHERE t.article_id IN (${articleIds.map(() => "?").join(",")}) ORDER BY c.seq DESC`,
    )
    .all(...articleIds);
  return rows.map(toCorrection);
}

export function listAllCorrections(db: Db, options: { staleOnly?: boolean } = {}): Correction[] {
  const rows = db.prepare<[], Row>(`SELECT * FROM corrections ${options.staleOnly ? "WHERE stale_reason IS NOT NULL AND undone_at IS NULL" : ""} ORDER BY seq`).all();
  return rows.map(toCorrection);
}

export type NewCorrection = { articleId: string; fingerprint: string; payload: CorrectionPayload; librarian: string; before: Article[]; after: Article[] };

/** Stores a correction with its audit entry; returns it. */
export function insertCorrection(db: Db, input: NewCorrection, options: { id?: string; createdAt?: string; action?: "apply" | "import" } = {}): Correction {
  const id = options.id ?? randomUUID();
  const at = options.createdAt ?? new Date().toISOString();
  db.transaction(() => {
    db.prepare("INSERT INTO corrections (id, article_id, fingerprint, kind, payload, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
      id,
      input.articleId,
      input.fingerprint,
      input.payload.kind,
      JSON.stringify(input.payload),
      input.librarian,
      at,
    );
    const target = db.prepare("INSERT INTO correction_targets (correction_id, article_id) VALUES (?, ?)");
    for (const articleId of listTargets(input.articleId, input.payload)) target.run(id, articleId);
    appendAudit(db, id, { action: options.action ?? "apply", librarian: input.librarian, at, before: input.before, after: input.after });
  })();
  return readCorrection(db, id)!;
}

/** Removes a correction that never reached the index (the engine refused the write). */
export function discardCorrection(db: Db, id: string): void {
  db.transaction(() => {
    db.prepare("DELETE FROM audit_log WHERE correction_id = ?").run(id);
    db.prepare("DELETE FROM corrections WHERE id = ?").run(id);
  })();
}

/** Checks that no newer correction of the same articles is still in force. */
export function assertUndoable(db: Db, correction: Correction): void {
  if (correction.undoneAt) throw new UndoOrderError(`更正 ${correction.id} 已于 ${correction.undoneAt} 撤销`);
  const targets = listTargets(correction.articleId, correction.payload);
  const newer = db
    .prepare<unknown[], { id: string }>(
      `SELECT c.id FROM corrections c JOIN correction_targets t ON t.correction_id = c.id
       WHERE t.article_id IN (${targets.map(() => "?").join(",")}) AND c.seq > ? AND c.undone_at IS NULL LIMIT 1`,
    )
    .get(...targets, correction.seq);
  if (newer) throw new UndoOrderError(`请先撤销同一文章较新的更正 ${newer.id}`);
}

export function markUndone(db: Db, correction: Correction, librarian: string, before: Article[] | null, after: Article[] | null): void {
  const at = new Date().toISOString();
  db.transaction(() => {
    db.prepare("UPDATE corrections SET undone_by = ?, undone_at = ? WHERE id = ?").run(librarian, at, correction.id);
    appendAudit(db, correction.id, { action: "undo", librarian, at, before, after });
  })();
}

/** Records that a correction no longer fits its source text (or fits again); only changes are logged. */
export function recordFit(db: Db, correction: Correction, reason: string | null): void {
  if ((correction.staleReason ?? null) === reason) return;
  const at = new Date().toISOString();
  db.transaction(() => {
    db.prepare("UPDATE corrections SET stale_reason = ?, stale_at = ? WHERE id = ?").run(reason, reason ? at : null, correction.id);
    appendAudit(db, correction.id, { action: reason ? "flag" : "fit", librarian: "导入程序", at, before: null, after: null });
  })();
  correction.staleReason = reason;
}

/** A correction applied to this installation's index (an imported one): its local before and after, for undo. */
export function recordApplied(db: Db, correction: Correction, librarian: string, before: Article[], after: Article[]): void {
  appendAudit(db, correction.id, { action: "apply", librarian, at: new Date().toISOString(), before, after });
}

function appendAudit(db: Db, correctionId: string, entry: AuditEntry): void {
  db.prepare("INSERT INTO audit_log (correction_id, action, librarian, at, before, after) VALUES (?, ?, ?, ?, ?, ?)").run(
    correctionId,
    entry.action,
    entry.librarian,
    entry.at,
    entry.before ? JSON.stringify(entry.before) : null,
    entry.after ? JSON.stringify(entry.after) : null,
  );
}

export function readAudit(db: Db, correctionId: string): AuditEntry[] {
  const rows = db
    .prepare<[string], { action: AuditEntry["action"]; librarian: string; at: string; before: string | null; after: string | null }>(
      "SELECT action, librarian, at, before, after FROM audit_log WHERE correction_id = ? ORDER BY seq",
    )
    .all(correctionId);
  return rows.map((row) => ({ ...row, before: row.before ? (JSON.parse(row.before) as Article[]) : null, after: row.after ? (JSON.parse(row.after) as Article[]) : null }));
}

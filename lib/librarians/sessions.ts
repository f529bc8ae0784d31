import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/corrections/database";

/**
 * Signed-in sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps
 * only its SHA-256, so a copy of the database signs nobody in. Each session has its own CSRF
 * token, which every change must send back (a form field or the X-CSRF-Token header).
 */

export const SESSION_COOKIE = "baoku_session";
export const SESSION_HOURS = 12;

export type Session = { librarian: string; csrfToken: string };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createSession(db: Db, librarian: string, now = Date.now()): { token: string; session: Session } {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now);
  db.prepare("INSERT INTO sessions (token_hash, librarian, csrf_token, expires_at) VALUES (?, ?, ?, ?)").run(hashToken(token), librarian, csrfToken, now + SESSION_HOURS * 3_600_000);
  return { token, session: { librarian, csrfToken } };
}

export function readSession(db: Db, token: string | undefined, now = Date.now()): Session | null {
  if (!token || token.length > 100) return null;
  const row = db
    .prepare<[string, number], { librarian: string; csrf_token: string }>("SELECT librarian, csrf_token FROM sessions WHERE token_hash = ? AND expires_at > ?")
    .get(hashToken(token), now);
  return row ? { librarian: row.librarian, csrfToken: row.csrf_token } : null;
}

export function endSession(db: Db, token: string | undefined): void {
  if (token) db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(hashToken(token));
}

export function checkCsrfToken(session: Session, sent: string | null | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import type { Db } from "@/lib/corrections/database";

/**
 * Sign-in attempts are limited per address and per account name: after 5 failures within
 * 15 minutes, further attempts are refused (429 with Retry-After) until the oldest failure
 * is 15 minutes old. Kept in the database, so a restart does not reset it.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

function keysFor(address: string, name: string): string[] {
  return [`address:${address}`, `name:${name.toLowerCase()}`];
}

/** Seconds to wait before the next attempt, or 0 when one may be made now. */
export function readRetryAfter(db: Db, address: string, name: string, now = Date.now()): number {
  db.prepare("DELETE FROM sign_in_failures WHERE at <= ?").run(now - WINDOW_MS);
  let wait = 0;
  for (const key of keysFor(address, name)) {
    const rows = db.prepare<[string, number], { at: number }>("SELECT at FROM sign_in_failures WHERE key = ? ORDER BY at DESC LIMIT ?").all(key, MAX_FAILURES);
    if (rows.length >= MAX_FAILURES) wait = Math.max(wait, Math.ceil((rows.at(-1)!.at + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export function recordFailure(db: Db, address: string, name: string, now = Date.now()): void {
  const insert = db.prepare("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)");
  db.transaction(() => {
    for (const key of keysFor(address, name)) insert.run(key, now);
  })();
}

/** A successful sign-in clears the account's failures (not the address's: one address may try many names). */
export function clearFailures(db: Db, name: string): void {
  db.prepare("DELETE FROM sign_in_failures WHERE key = ?").run(`name:${name.toLowerCase()}`);
}

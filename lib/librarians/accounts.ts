import { hash, verify } from "@node-rs/argon2";
import type { Db } from "@/lib/corrections/database";

/**
 * Librarian accounts: created with `npm run librarian -- add NAME`, passwords hashed with
 * Argon2id (@node-rs/argon2, its default parameters: 19 MiB, 2 passes), never stored or logged
 * in the clear.
 */

export const MIN_PASSWORD_LENGTH = 10;
const NAME = /^[\p{L}\p{N}_.-]{1,32}$/u;

export class AccountError extends Error {
  override name = "AccountError";
}

export function checkLibrarianName(name: string): void {
  if (!NAME.test(name)) throw new AccountError(`馆员名 “${name}” 无效：1–32 个字母、数字、_ . -，不含空格`);
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AccountError(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  if (password.length > 1024) throw new AccountError("密码过长（上限 1024 个字符）");
}

export async function addLibrarian(db: Db, name: string, password: string): Promise<void> {
  checkLibrarianName(name);
  checkPassword(password);
  if (db.prepare("SELECT 1 FROM librarians WHERE name = ?").get(name)) throw new AccountError(`馆员 ${name} 已存在（改密码：npm run librarian -- passwd ${name}）`);
  db.prepare("INSERT INTO librarians (name, password_hash, created_at) VALUES (?, ?, ?)").run(name, await hash(password), new Date().toISOString());
}

export async function changePassword(db: Db, name: string, password: string): Promise<void> {
  checkPassword(password);
  const changed = db.prepare("UPDATE librarians SET password_hash = ? WHERE name = ?").run(await hash(password), name).changes;
  if (changed === 0) throw new AccountError(`没有馆员 ${name}`);
  // A new password ends every open session of the account.
  db.prepare("DELETE FROM sessions WHERE librarian = ?").run(name);
}

export function removeLibrarian(db: Db, name: string): void {
  if (db.prepare("DELETE FROM librarians WHERE name = ?").run(name).changes === 0) throw new AccountError(`没有馆员 ${name}`);
}

export function listLibrarians(db: Db): Array<{ name: string; createdAt: string }> {
  return db.prepare<[], { name: string; created_at: string }>("SELECT name, created_at FROM librarians ORDER BY name").all().map((row) => ({ name: row.name, createdAt: row.created_at }));
}

/** A dummy hash to verify against when the name is unknown, so timing does not tell which names exist. */
let decoy: Promise<string> | null = null;

export async function checkCredentials(db: Db, name: string, password: string): Promise<boolean> {
  const row = db.prepare<[string], { password_hash: string }>("SELECT password_hash FROM librarians WHERE name = ?").get(name);
  if (!row) {
    decoy ??= hash("decoy password, never valid");
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(row.password_hash, password).catch(() => false);
}

import { parseArgs } from "node:util";
import { ConfigError, readEnv, resolveDataDir } from "@/lib/config/env";
import { getDatabase } from "@/lib/corrections/database";
import { AccountError, addLibrarian, changePassword, listLibrarians, removeLibrarian } from "@/lib/librarians/accounts";
import { readSecret } from "./read-secret";

const USAGE = `用法 / usage: npm run librarian -- <command>
  add NAME      create a librarian account; the password is asked for (or read from stdin's first line)
  passwd NAME   set a new password (ends the account's open sessions)
  remove NAME   delete the account (its corrections stay, under its name)
  list          list the accounts
Accounts live in the data folder (BAOKU_DATA_DIR, default .data) in baoku.sqlite.`;

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const [command, name] = positionals;
  const db = getDatabase(resolveDataDir(readEnv()));
  if (command === "list") {
    for (const account of listLibrarians(db)) process.stdout.write(`${account.name}\t${account.createdAt}\n`);
    return 0;
  }
  if (!name || !["add", "passwd", "remove"].includes(command ?? "")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === "remove") {
    removeLibrarian(db, name);
    process.stderr.write(`已删除馆员 ${name}\n`);
    return 0;
  }
  const password = await readSecret(`${name} 的密码（至少 10 个字符）: `);
  if (command === "add") await addLibrarian(db, name, password);
  else await changePassword(db, name, password);
  process.stderr.write(command === "add" ? `已创建馆员 ${name}，可在 /librarian/sign-in 登录\n` : `已更改 ${name} 的密码\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof AccountError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

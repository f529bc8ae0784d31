import fs from "node:fs";
import path from "node:path";
import { EngineError } from "./errors";
import { lockFilePath } from "./lock";

/**
 * Readies the data folder before anything is started or written there: creates it on first start and checks
 * that what Baoku and Meilisearch write in it can be written. Meilisearch alone reports an unwritable database
 * as a backtrace that names no path, or starts and then hangs on the first write to an unwritable index.
 */

const FOLDER = fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK;
const FILE = fs.constants.R_OK | fs.constants.W_OK;

export function prepareDataDir(dataDir: string, logFile: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (cause) {
    throw notWritable(dataDir, dataDir, cause);
  }
  const databaseRoot = path.join(dataDir, "meili");
  const checks: Array<[string, number]> = [
    [dataDir, FOLDER],
    [path.join(dataDir, "master-key"), fs.constants.R_OK], // only read once created
    [lockFilePath(dataDir), FILE],
    fs.existsSync(logFile) ? [logFile, FILE] : [path.dirname(logFile), FOLDER],
    ...databaseEntries(databaseRoot),
  ];
  for (const [target, mode] of checks) {
    try {
      fs.accessSync(target, mode);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw notWritable(dataDir, target, cause);
    }
  }
  try {
    fs.mkdirSync(databaseRoot, { recursive: true });
  } catch (cause) {
    throw notWritable(dataDir, databaseRoot, cause);
  }
}

/** The database folder and everything in it, each folder before its contents. */
function* databaseEntries(folder: string): Generator<[string, number]> {
  yield [folder, FOLDER];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // Missing (first start), or unreadable, which the check of the folder itself reports.
  }
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* databaseEntries(entryPath);
    else yield [entryPath, FILE];
  }
}

function notWritable(dataDir: string, target: string, cause: unknown): EngineError {
  const error = cause as NodeJS.ErrnoException;
  // "EPERM: operation not permitted, access '/x'" without the call and path, which the message names anyway.
  const reason = error.message.replace(/, \w+ '.*$/, "");
  const fix =
    error.code === "EPERM"
      ? "It may be immutable or append-only (see `lsattr`; `chattr -i` undoes it)"
      : "Make the folder and everything in it readable and writable by the user running Baoku";
  return new EngineError(
    `Data folder ${dataDir} is not writable${target === dataDir ? "" : `: cannot write ${target}`} (${reason}). ` +
      `${fix}, or set BAOKU_DATA_DIR to another folder.`,
    { cause },
  );
}

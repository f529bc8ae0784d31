import fs from "node:fs";
import path from "node:path";

/**
 * The lock file a running engine leaves in its data folder: who runs it and
 * where. Kept apart from the launcher so the web app can find the engine
 * without pulling the launcher (and its binary) into its bundle.
 */
export type LockContent = { pid: number; url: string; startedAt: string };

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, "engine.lock");
}

/** The engine another process of ours runs on this data folder, if it is alive. */
export function readLiveLock(dataDir: string): LockContent | null {
  const file = lockFilePath(dataDir);
  if (!fs.existsSync(file)) return null;
  try {
    const lock = JSON.parse(fs.readFileSync(file, "utf8")) as LockContent;
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return null;
  }
}

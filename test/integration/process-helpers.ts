import fs from "node:fs";

/** The meilisearch process (child of the watchdog shell) serving a database folder, or null. */
export function findMeilisearchPid(dbPath: string): number | null {
  for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (command[0]?.endsWith("/meilisearch") && command.includes(dbPath)) return Number(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

/** Polls `check` until it holds or the time is up; says which. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

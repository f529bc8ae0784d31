import fs from "node:fs";
import path from "node:path";
import { readEnv, resolveDataDir } from "@/lib/config/env";
import { EngineClient } from "./engine/http-client";
import { EngineUnavailableError } from "./engine/errors";
import { readLiveLock } from "./engine/lock";

/**
 * Which Meilisearch to talk to: MEILI_URL/MEILI_MASTER_KEY when set, otherwise
 * the one `npm start` runs on the data folder (found through its lock file).
 */
let cached: EngineClient | undefined;

export function getEngineClient(): EngineClient {
  if (cached) return cached;
  const env = readEnv();
  if (env.MEILI_URL) {
    cached = new EngineClient({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY ?? "" });
    return cached;
  }
  const dataDir = resolveDataDir(env);
  const lock = readLiveLock(dataDir);
  if (!lock) {
    throw new EngineUnavailableError(
      `No Meilisearch is configured: MEILI_URL is not set and none is running on ${dataDir}. Start the app with \`npm start\`.`,
    );
  }
  const apiKey = fs.readFileSync(path.join(dataDir, "master-key"), "utf8").trim();
  cached = new EngineClient({ url: lock.url, apiKey });
  return cached;
}

/** For tests and scripts that start their own engine. */
export function setEngineClient(client: EngineClient | undefined): void {
  cached = client;
}

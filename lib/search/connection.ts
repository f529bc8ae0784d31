import fs from "node:fs";
import path from "node:path";
import { readEnginesConfig, readPem } from "@/lib/config/engines-config";
import { ConfigError, readEnv, resolveDataDir } from "@/lib/config/env";
import { EngineClient } from "./engine/client";
import { EngineUnavailableError } from "./engine/errors";
import { readLiveLock } from "./engine/lock";
import type { Shard } from "./shards";

/**
 * Which Meilisearch to talk to: the engines listed in BAOKU_ENGINES (an archive
 * spread over several machines, shards.ts), MEILI_URL/MEILI_MASTER_KEY when
 * set, otherwise the one `npm start` runs on the data folder (found through its
 * lock file).
 */
let cached: EngineClient | undefined;
let cachedShards: readonly Shard[] | null | undefined;

export function getEngineClient(): EngineClient {
  if (cached) return cached;
  const shards = getShards();
  if (shards) {
    // The first engine coordinates searches; archive-search.ts moves on when it does not answer.
    cached = shards[0]?.client;
    if (cached) return cached;
  }
  const env = readEnv();
  if (env.MEILI_URL) {
    cached = new EngineClient({
      url: env.MEILI_URL,
      apiKey: env.MEILI_MASTER_KEY ?? "",
      urlSetting: "MEILI_URL",
      keySetting: "MEILI_MASTER_KEY",
      ...(env.MEILI_CA_FILE ? { ca: readPem(env.MEILI_CA_FILE, "MEILI_CA_FILE") } : {}),
    });
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

/** The engines of a sharded archive (BAOKU_ENGINES), or null for an archive on one engine. */
export function getShards(): readonly Shard[] | null {
  if (cachedShards !== undefined) return cachedShards;
  const env = readEnv();
  if (!env.BAOKU_ENGINES) return (cachedShards = null);
  if (env.MEILI_URL) throw new ConfigError("Set either BAOKU_ENGINES (several engines) or MEILI_URL (one engine), not both.");
  cachedShards = readEnginesConfig(env.BAOKU_ENGINES).map((engine) => ({
    name: engine.name,
    holds: engine.holds ?? null,
    client: new EngineClient({
      url: engine.url,
      apiKey: engine.key,
      urlSetting: `BAOKU_ENGINES ${engine.name}.url`,
      keySetting: `BAOKU_ENGINES ${engine.name}.key`,
      ...(engine.ca ? { ca: engine.ca } : {}),
    }),
  }));
  return cachedShards;
}

/** For tests and scripts that start their own engine. */
export function setEngineClient(client: EngineClient | undefined): void {
  cached = client;
}

/** For tests and scripts that start their own engines (null: one engine; undefined: read BAOKU_ENGINES again). */
export function setShards(shards: readonly Shard[] | null | undefined): void {
  cachedShards = shards;
  cached = shards?.[0]?.client;
}

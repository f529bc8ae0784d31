import { readEnv, resolveDataDir } from "@/lib/config/env";
import { setEngineClient } from "../connection";
import { EngineClient } from "./client";
import { readLiveLock } from "./lock";
import { startEngine, type RunningEngine } from "./process";

/**
 * Runs `work` against a Meilisearch: BAOKU_ENGINES or MEILI_URL when set, the one a running app
 * already manages on the data folder, or one started for the duration.
 */
export async function withManagedEngine<T>(work: () => Promise<T>): Promise<T> {
  const env = readEnv();
  if (env.MEILI_URL || env.BAOKU_ENGINES || readLiveLock(resolveDataDir(env))) return work();
  const engine = await startEngine({ dataDir: resolveDataDir(env), port: 0 });
  const stopOnSignal = () => void engine.stop().then(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    setEngineClient(clientFor(engine));
    return await work();
  } finally {
    setEngineClient(undefined);
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await engine.stop();
  }
}

export function clientFor(engine: RunningEngine): EngineClient {
  return new EngineClient({ url: engine.url, apiKey: engine.masterKey, ...(engine.ca ? { ca: engine.ca } : {}) });
}

import { getEngineClient, getShards } from "./connection";

/**
 * Whether Meilisearch answers, asked before a page renders so that a down
 * engine becomes an HTTP 503 (a streamed page can no longer change its status).
 * A healthy answer is trusted for a moment: the check runs on every page
 * request and must not double the engine's load.
 */

const HEALTHY_FOR_MS = 2000;
const DEFAULT_TIMEOUT_MS = 1500;

let healthyUntil = 0;

export async function isEngineReachable(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<boolean> {
  if (Date.now() < healthyUntil) return true;
  try {
    // A sharded archive can be searched while any of its engines answers (archive-search.ts).
    const clients = getShards()?.map((shard) => shard.client) ?? [getEngineClient()];
    await Promise.any(clients.map((client) => client.call((meili) => meili.health(), { timeoutMs })));
    healthyUntil = Date.now() + HEALTHY_FOR_MS;
    return true;
  } catch {
    // Not configured, refused, timed out or answering errors: all mean no search for the reader.
    return false;
  }
}

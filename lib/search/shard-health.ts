import type { Shard } from "./shards";

/**
 * Engines of a sharded archive that just failed to answer. A refused
 * connection fails at once, but a hung machine makes every call wait for its
 * timeout (and Meilisearch's own remote timeout inside a federated search),
 * so an engine that failed is left out of searches for a few seconds and
 * reported missing; the next version read (engine-search.ts) probes it again.
 */

const LEFT_OUT_FOR_MS = 5000;
const downUntil = new Map<string, number>();

export function isShardDown(shard: Shard): boolean {
  return (downUntil.get(shard.client.connection.url) ?? 0) > Date.now();
}

export function markShardDown(shard: Shard): void {
  downUntil.set(shard.client.connection.url, Date.now() + LEFT_OUT_FOR_MS);
}

export function markShardUp(shard: Shard): void {
  downUntil.delete(shard.client.connection.url);
}

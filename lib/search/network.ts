import { EngineUnavailableError } from "./engine/errors";
import type { Shard } from "./shards";

/**
 * Tells every engine of a sharded archive about the others (Meilisearch's
 * experimental `network` feature, community edition): its own name and each
 * engine's address and key, so any of them can run a remote federated search
 * over all. Only `self` and `remotes` are set: the Enterprise-only automatic
 * sharding (`shards`, `leader`) is not used; Baoku routes documents itself.
 */
export async function joinNetwork(shards: readonly Shard[]): Promise<void> {
  const remotes = Object.fromEntries(shards.map((shard) => [shard.name, { url: shard.client.connection.url, searchApiKey: shard.client.connection.apiKey }]));
  const outcomes = await Promise.allSettled(
    shards.map((shard) =>
      shard.client.call(async (meili) => {
        await meili.updateExperimentalFeatures({ network: true });
        await meili.updateNetwork({ self: shard.name, remotes });
      }),
    ),
  );
  // An engine that is down learns the network when it is joined again; searches name it as missing meanwhile.
  for (const outcome of outcomes) if (outcome.status === "rejected" && !(outcome.reason instanceof EngineUnavailableError)) throw outcome.reason;
}

import type { EngineClient } from "./engine/client";
import { EngineUnavailableError } from "./engine/errors";
import type { QueryTarget } from "./engine-search";

/**
 * Calls that are not searches (a document by id, facet value search, the
 * stored documents) go to each engine of a sharded archive directly; on one
 * engine, to that engine. An engine that does not answer is skipped when
 * `skipUnavailable` is set, and the caller names it.
 */

export function listEngines(target: QueryTarget): Array<{ name: string | null; client: EngineClient }> {
  return target.shards?.map((shard) => ({ name: shard.name, client: shard.client })) ?? [{ name: null, client: target.client }];
}

export function forEachShard<T>(target: QueryTarget, call: (client: EngineClient) => Promise<T>): Promise<T[]> {
  return Promise.all(listEngines(target).map(({ client }) => call(client)));
}

/** The answers of the engines that answered, and the names of those that did not. */
export async function forEachAvailableShard<T>(target: QueryTarget, call: (client: EngineClient) => Promise<T>): Promise<{ answers: T[]; missing: string[] }> {
  const engines = listEngines(target);
  const settled = await Promise.allSettled(engines.map(({ client }) => call(client)));
  const answers: T[] = [];
  const missing: string[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === "fulfilled") answers.push(outcome.value);
    else if (outcome.reason instanceof EngineUnavailableError && target.shards) missing.push(engines[i]?.name ?? "");
    else throw outcome.reason;
  });
  return { answers, missing };
}

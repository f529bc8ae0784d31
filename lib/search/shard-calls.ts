import type { EngineClient } from "./engine/client";
import { EngineUnavailableError } from "./engine/errors";
import type { QueryTarget } from "./engine-search";
import { isShardDown, markShardDown } from "./shard-health";

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

/**
 * The answers of the engines that answered, and the names of those that did not. On a
 * sharded archive an engine that failed moments ago is not asked (shard-health.ts), and one
 * that has not answered within `timeoutMs` counts as not answering: a hung machine must not
 * hold every page for the client's whole timeout.
 */
export async function forEachAvailableShard<T>(
  target: QueryTarget,
  call: (client: EngineClient) => Promise<T>,
  { timeoutMs = SHARD_CALL_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<{ answers: T[]; missing: string[] }> {
  if (!target.shards) return { answers: [await call(target.client)], missing: [] };
  const asked = target.shards.filter((shard) => !isShardDown(shard));
  const missing = target.shards.filter((shard) => isShardDown(shard)).map((shard) => shard.name);
  const settled = await Promise.allSettled(asked.map((shard) => withDeadline(call(shard.client), timeoutMs, shard.client)));
  const answers: T[] = [];
  settled.forEach((outcome, i) => {
    const shard = asked[i];
    if (outcome.status === "fulfilled") answers.push(outcome.value);
    else if (outcome.reason instanceof EngineUnavailableError && shard) {
      markShardDown(shard);
      missing.push(shard.name);
    } else throw outcome.reason;
  });
  return { answers, missing };
}

/** Long enough for a document or a facet search on a loaded engine; short next to the client's 15 s. */
const SHARD_CALL_TIMEOUT_MS = 5000;

function withDeadline<T>(work: Promise<T>, timeoutMs: number, client: EngineClient): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EngineUnavailableError(`Meilisearch at ${client.connection.url} did not answer within ${timeoutMs} ms.`)), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Waits for `work` to settle, but no longer than `timeoutMs`; its outcome is not reported. */
export async function waitAtMost(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/**
 * The engines of a sharded archive as single-engine targets, for calls whose answers need no
 * merging (candidate ids, counts): each engine is asked directly and in parallel, without the
 * extra hop of a federated search. Engines that failed moments ago are left out (shard-health.ts);
 * the final, federated page of the same search reports them missing.
 */
export async function forEachPart<T>(target: QueryTarget, call: (part: QueryTarget) => Promise<T>): Promise<T[]> {
  if (!target.shards) return [await call(target)];
  const shards = target.shards.filter((shard) => !isShardDown(shard));
  const settled = await Promise.allSettled(shards.map((shard) => call({ client: shard.client, indexUid: target.indexUid })));
  const answers: T[] = [];
  settled.forEach((outcome, i) => {
    const shard = shards[i];
    if (outcome.status === "fulfilled") answers.push(outcome.value);
    else if (outcome.reason instanceof EngineUnavailableError && shard) markShardDown(shard);
    else throw outcome.reason;
  });
  return answers;
}

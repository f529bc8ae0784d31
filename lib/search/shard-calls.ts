import type { EngineClient } from "./engine/client";
import { EngineUnavailableError } from "./engine/errors";
import type { QueryTarget } from "./engine-search";
import { isShardDown, markShardDown } from "./shard-health";

/**
 * Calls that need no merging by the engine (a document by id, facet value
 * search, candidate ids and counts, the stored documents) go to each engine of
 * a sharded archive directly and in parallel; on one engine, to that engine.
 */

export function listEngines(target: QueryTarget): Array<{ name: string | null; client: EngineClient }> {
  return target.shards?.map((shard) => ({ name: shard.name, client: shard.client })) ?? [{ name: null, client: target.client }];
}

/** Long enough for a document or a facet search on a loaded engine; short next to the client's 15 s. */
const SHARD_CALL_TIMEOUT_MS = 5000;

/**
 * The answers of the engines that answered, and the names of those that did not. On a
 * sharded archive an engine that failed moments ago is not asked (shard-health.ts), and one
 * that has not answered within `timeoutMs` (null: no limit) counts as not answering: a hung
 * machine must not hold every page for the client's whole timeout.
 */
export async function forEachAvailableShard<T>(
  target: QueryTarget,
  call: (client: EngineClient) => Promise<T>,
  { timeoutMs = SHARD_CALL_TIMEOUT_MS }: { timeoutMs?: number | null } = {},
): Promise<{ answers: T[]; missing: string[] }> {
  if (!target.shards) return { answers: [await call(target.client)], missing: [] };
  const asked = target.shards.filter((shard) => !isShardDown(shard));
  const missing = target.shards.filter((shard) => isShardDown(shard)).map((shard) => shard.name);
  const settled = await Promise.allSettled(
    asked.map((shard) => (timeoutMs === null ? call(shard.client) : withDeadline(call(shard.client), timeoutMs, `Meilisearch at ${shard.client.connection.url}`))),
  );
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

/**
 * Each engine's answer to the same search, for answers that are simply added up (candidate ids,
 * counts): no federated hop and no time limit (listing every id can take a while). Engines that
 * do not answer are left out; the final, federated page of the same search reports them missing.
 */
export async function forEachPart<T>(target: QueryTarget, call: (part: QueryTarget) => Promise<T>): Promise<T[]> {
  const { answers } = await forEachAvailableShard(target, (client) => call({ client, indexUid: target.indexUid }), { timeoutMs: null });
  return answers;
}

/** Waits for `work` to settle, but no longer than `timeoutMs`; its outcome is not reported. */
export async function waitAtMost(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  await withDeadline(work, timeoutMs, "").catch(() => undefined);
}

function withDeadline<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EngineUnavailableError(`${what} did not answer within ${timeoutMs} ms.`)), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

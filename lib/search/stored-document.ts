import { EngineUnavailableError } from "./engine/errors";
import type { QueryTarget } from "./engine-search";
import { isNotFound } from "./index-admin";
import { forEachAvailableShard } from "./shard-calls";

/**
 * One stored document by id with the fields asked for, from whichever engine holds it; null when
 * none does. Not found while an engine did not answer is not a 404: it may be on that engine.
 */
export async function readStoredDocument<T extends Record<string, unknown>>(id: string, fields: readonly string[], target: QueryTarget): Promise<T | null> {
  const { answers, missing } = await forEachAvailableShard(target, (client) =>
    client.call((meili) => meili.index(target.indexUid).getDocument<T>(id, { fields: [...fields] })).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    }),
  );
  const stored = answers.find((answer) => answer !== null);
  if (stored) return stored;
  if (missing.length > 0) throw new EngineUnavailableError(`Article ${id} is not on the engines that answered; ${missing.join(", ")} did not answer.`);
  return null;
}

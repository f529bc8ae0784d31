import { readIndexVersion, type QueryTarget } from "./engine-search";
import { createMemo } from "./memo";

/**
 * The index version (it changes whenever documents or settings change), re-read
 * at most once a second. Caches keyed by it serve answers that are at most a
 * second older than the index, and the engine is asked once a second, not once
 * per page view.
 */

const VERSION_TTL_MS = 1000;
const versions = createMemo<string>({ maxEntries: 32, ttlMs: VERSION_TTL_MS });

export function readCurrentIndexVersion(target: QueryTarget): Promise<string> {
  return versions.get(`${target.client.connection.url}/${target.indexUid}`, () => readIndexVersion(target));
}

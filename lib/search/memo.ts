/**
 * A small in-process cache of promises: concurrent identical questions share
 * one engine call, and answers are reused for a short time. Entries that fail
 * are dropped at once, so an outage is never cached, and so are answers
 * `keep` refuses (a partial answer while an engine is down). Least recently
 * used entries go first once `maxEntries` is reached.
 */

export type Memo<T> = {
  get: (key: string, load: () => Promise<T>) => Promise<T>;
  /** The entry for the key, if one is kept (an answer, or one on its way), without loading one. */
  peek: (key: string) => Promise<T> | undefined;
  clear: () => void;
};

export function createMemo<T>({ maxEntries, ttlMs, keep }: { maxEntries: number; ttlMs: number; keep?: (value: T) => boolean }): Memo<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = load();
      const entry = { value, expires: now + ttlMs };
      entries.delete(key);
      entries.set(key, entry);
      const drop = () => {
        if (entries.get(key) === entry) entries.delete(key);
      };
      value.then((settled) => {
        if (keep && !keep(settled)) drop();
      }, drop);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return value;
    },
    peek(key) {
      const hit = entries.get(key);
      return hit && hit.expires > Date.now() ? hit.value : undefined;
    },
    clear() {
      entries.clear();
    },
  };
}

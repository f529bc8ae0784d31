/**
 * A small in-process cache of promises: concurrent identical questions share
 * one engine call, and answers are reused for a short time. Entries that fail
 * are dropped at once, so an outage is never cached. Least recently used
 * entries go first once `maxEntries` is reached.
 */

export type Memo<T> = {
  get: (key: string, load: () => Promise<T>) => Promise<T>;
  clear: () => void;
};

export function createMemo<T>({ maxEntries, ttlMs }: { maxEntries: number; ttlMs: number }): Memo<T> {
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
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * 32-bit FNV-1a over UTF-16 units: the same on every machine, so filters and hashed weights
 * written by training read the same everywhere. The pair filter runs its own loop with these
 * constants (it makes a second hash in the same pass); the lead model hashes with `hashFnv1a`.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function hashFnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), FNV_PRIME) >>> 0;
  return hash;
}

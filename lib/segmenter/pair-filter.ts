import { FNV_OFFSET, FNV_PRIME } from "./fnv1a";

/**
 * A Bloom filter of string pairs: "was this pair stored?", answered with no false "no" and a
 * chosen share of false "yes". The join look-ups that only ask whether running text knows a pair
 * (word pairs, character triples) ship this way in the model file: as words or characters they
 * would take several times the room.
 */

export type PairFilterFile = { bits: number; hashes: number; filter: string };

export type PairFilter = { bits: number; hashes: number; filter: Uint8Array };

/** `falsePositiveRate`: the share of unstored pairs the filter may pass (a trainer's setting). */
export function createPairFilter(pairs: Iterable<readonly [string, string]>, count: number, falsePositiveRate: number): PairFilter {
  // The textbook optimum: m = −n ln p / (ln 2)², k = (m / n) ln 2, m rounded up to whole bytes.
  const bits = Math.max(8, Math.ceil((-Math.max(count, 1) * Math.log(falsePositiveRate)) / Math.LN2 ** 2 / 8) * 8);
  const hashes = Math.max(1, Math.round((bits / Math.max(count, 1)) * Math.LN2));
  const table: PairFilter = { bits, hashes, filter: new Uint8Array(bits / 8) };
  for (const [left, right] of pairs) {
    const [first, step] = hashPair(left, right);
    for (let i = 0; i < hashes; i++) {
      const bit = toBit(table, first, step, i);
      table.filter[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return table;
}

export function encodePairFilter(table: PairFilter): PairFilterFile {
  return { bits: table.bits, hashes: table.hashes, filter: Buffer.from(table.filter).toString("base64") };
}

/** `name` says which table failed to load. */
export function decodePairFilter(file: PairFilterFile, name: string): PairFilter {
  const filter = new Uint8Array(Buffer.from(file.filter, "base64"));
  if (filter.length * 8 !== file.bits) throw new Error(`${name}: the filter holds ${filter.length * 8} bits, the file says ${file.bits}`);
  return { bits: file.bits, hashes: file.hashes, filter };
}

/** Whether the pair was stored (or, rarely, a false positive). */
export function hasPair(table: PairFilter, left: string, right: string): boolean {
  const [first, step] = hashPair(left, right);
  for (let i = 0; i < table.hashes; i++) {
    const bit = toBit(table, first, step, i);
    if ((table.filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Two FNV-1a variants of "left␀right", the same on every machine: the start and the (odd) step of the double hashing. */
function hashPair(left: string, right: string): [number, number] {
  const key = `${left}\u0000${right}`;
  let first = FNV_OFFSET;
  let second = FNV_PRIME ^ 0x5bd1e995;
  for (let at = 0; at < key.length; at++) {
    const unit = key.charCodeAt(at);
    first = Math.imul(first ^ unit, FNV_PRIME) >>> 0;
    second = Math.imul(second ^ unit, 0x5bd1e995) >>> 0;
    second ^= second >>> 15;
  }
  return [first, (second | 1) >>> 0];
}

/** The i-th of a pair's bit positions. */
function toBit(table: Pick<PairFilter, "bits">, first: number, step: number, i: number): number {
  return ((first + Math.imul(i, step)) >>> 0) % table.bits;
}

import type { Random } from "@/lib/random/seeded-random";

/** Small draws on a seeded generator; every choice of the page generator goes through these. */

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** An integer in [low, high], both included. */
export function drawInt(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

export function pickOne<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pickOne: nothing to pick from");
  return item;
}

/** Picks by weight: [[value, weight], …]. */
export function pickWeighted<T>(random: Random, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of options) {
    draw -= weight;
    if (draw < 0) return value;
  }
  const last = options.at(-1);
  if (last === undefined) throw new Error("pickWeighted: no options");
  return last[0];
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Up to `count` distinct items. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  return shuffle(random, items).slice(0, count);
}

/** Timing helpers the latency benches share. */

/** The value at `fraction` (0.95 = p95) of an ascending list; 0 for an empty one. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** Runs `run` once per term, one after another, and returns the durations in ms, ascending. */
export async function timeEach(terms: readonly string[], run: (term: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const term of terms) {
    const started = performance.now();
    await run(term);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export type FirstSearchTimes = {
  /** The first half of the terms, one at a time: each term's background verification finished, untimed, before the next search. */
  alone: number[];
  /** The second half, back to back: earlier terms' verifications run beside later searches. */
  streamed: number[];
  /** Searches answered before their term was verified (`exact: false`), over both halves. */
  early: number;
};

/**
 * First searches of fresh terms as readers make them (settle "later", execute-query.ts), timed
 * two ways: one at a time, as a reader waits for one answer, and back to back, as under a stream
 * of new terms where the verification each leaves behind competes with the next search.
 */
export async function timeFirstSearches(terms: readonly string[], run: (term: string) => Promise<{ exact: boolean }>, settle: () => Promise<void>): Promise<FirstSearchTimes> {
  const half = Math.ceil(terms.length / 2);
  let early = 0;
  const alone: number[] = [];
  for (const term of terms.slice(0, half)) {
    const started = performance.now();
    if (!(await run(term)).exact) early++;
    alone.push(performance.now() - started);
    await settle();
  }
  const streamed = await timeEach(terms.slice(half), async (term) => {
    if (!(await run(term)).exact) early++;
  });
  await settle();
  return { alone: alone.sort((a, b) => a - b), streamed, early };
}

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
  /** First searches settled before answering (settle "now") of terms of their own, one at a time, alternating with `alone`. */
  settled: number[];
};

/**
 * First searches of fresh terms as readers make them (settle "later", execute-query.ts), timed
 * two ways: one at a time, as a reader waits for one answer, and back to back, as under a stream
 * of new terms where the verification each leaves behind competes with the next search. Each
 * one-at-a-time search alternates with a first search settled before answering (`runSettled`,
 * on `settledTerms`), so both see the same machine.
 */
export async function timeFirstSearches(
  terms: readonly string[],
  run: (term: string) => Promise<{ exact: boolean }>,
  settledTerms: readonly string[],
  runSettled: (term: string) => Promise<unknown>,
  settle: () => Promise<void>,
): Promise<FirstSearchTimes> {
  const half = Math.ceil(terms.length / 2);
  let early = 0;
  const alone: number[] = [];
  const settled: number[] = [];
  const time = async (search: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await search();
    into.push(performance.now() - started);
    await settle();
  };
  for (const [index, term] of terms.slice(0, half).entries()) {
    await time(async () => {
      if (!(await run(term)).exact) early++;
    }, alone);
    const other = settledTerms[index];
    if (other !== undefined) await time(() => runSettled(other), settled);
  }
  const streamed = await timeEach(terms.slice(half), async (term) => {
    if (!(await run(term)).exact) early++;
  });
  await settle();
  const ascending = (times: number[]) => times.sort((a, b) => a - b);
  return { alone: ascending(alone), streamed, early, settled: ascending(settled) };
}

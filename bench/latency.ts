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

import type { QueryTarget } from "./engine-search";
import { verifyTerm, type CandidateSearch, type CheckTerm } from "./term-verifier";

/**
 * Verification of terms moved off the request path. A reader's first search with a common long
 * term shows its first page checked hit by hit, with the engine's counts as an upper bound
 * (execute-query.ts, `settle: "later"`); the term's candidates are then listed and judged here,
 * after the answer has gone, so the next search with it is exact without waiting.
 *
 * At most MAX_RUNNING verifications run at once per process and MAX_WAITING wait; a term turned
 * away is asked for again by its next first search, which is bounded either way.
 */

const MAX_RUNNING = 2;
const MAX_WAITING = 200;

type Job = { key: string; run: () => Promise<unknown> };
const waiting: Job[] = [];
const queued = new Set<string>();
const running = new Set<Promise<unknown>>();

/** Starts (or queues) the term's verification; its verdicts are filed as verifyTerm files them. */
export function settleTermLater(target: QueryTarget, version: string, term: CheckTerm, within: CandidateSearch | null): void {
  const key = `${target.client.connection.url}/${target.indexUid}|${version}|${JSON.stringify(term)}|${JSON.stringify(within)}`;
  if (queued.has(key) || waiting.length >= MAX_WAITING) return;
  queued.add(key);
  waiting.push({ key, run: () => verifyTerm(target, version, term, within) });
  // Started once the caller's answer is on its way, not ahead of it.
  setImmediate(startWaiting);
}

/** Resolves once nothing is queued or running: for tests and benchmarks that need settled verdicts. */
export async function waitForSettling(): Promise<void> {
  while (running.size > 0 || waiting.length > 0) {
    startWaiting();
    await Promise.allSettled([...running]);
  }
}

function startWaiting(): void {
  while (running.size < MAX_RUNNING) {
    const job = waiting.shift();
    if (!job) return;
    const done = job
      .run()
      // A failed verification (engine down, index gone) is not remembered by verifyTerm: the term's
      // next search tries again. Said once here, since no reader waits for this one.
      .catch((error: unknown) => console.warn(`[baoku] background verification failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running.delete(done);
        queued.delete(job.key);
        startWaiting();
      });
    running.add(done);
  }
}

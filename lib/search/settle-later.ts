import type { QueryTarget } from "./engine-search";
import { runAsBackground } from "./engine/reader-turns";
import { verifyTerm, type CandidateSearch, type CheckTerm, type ListingPace } from "./term-verifier";

/**
 * Verification of terms moved off the request path. A reader's first search with a common long
 * term shows its first page checked hit by hit, with the engine's counts as an upper bound
 * (execute-query.ts, `settle: "later"`); the term's candidates are then listed and judged here,
 * after the answer has gone, so the next search with it is exact without waiting.
 *
 * The listing takes its turn behind readers' searches: one term at a time per process, small pages,
 * one page at a time (term-verifier.ts's "background" pace), each page sent once readers' engine
 * calls pause (engine/reader-turns.ts). Listed in big pages side by side, it
 * put up to eight searches of 1,000 hits ahead of the next reader's in the engine's queue, and a
 * reader searching new terms one after another waited behind the previous term's listing
 * (`npm run bench:search`, whole corpus: back to back p95 4.9–8.4× the verified repeat's, 1.6–2.2× now).
 * A term searched again before its turn came is what readers are waiting on: it goes first, at
 * full pace. At most MAX_WAITING wait; a term turned away is asked for again by its next first
 * search, which is bounded either way.
 */

const MAX_RUNNING = 1;
const MAX_WAITING = 200;

type Job = { key: string; pace: ListingPace; run: (pace: ListingPace) => Promise<unknown> };
const waiting: Job[] = [];
const queued = new Set<string>();
const running = new Set<Promise<unknown>>();

/** Starts (or queues) the term's verification; its verdicts are filed as verifyTerm files them. */
export function settleTermLater(target: QueryTarget, version: string, term: CheckTerm, within: CandidateSearch | null): void {
  const key = `${target.client.connection.url}/${target.indexUid}|${version}|${JSON.stringify(term)}|${JSON.stringify(within)}`;
  if (queued.has(key)) return promoteWaiting(key);
  if (waiting.length >= MAX_WAITING) return;
  queued.add(key);
  waiting.push({ key, pace: "background", run: (pace) => verifyTerm(target, version, term, within, pace) });
  // Started once the caller's answer is on its way, not ahead of it.
  setImmediate(startWaiting);
}

/** A waiting term asked for again goes to the front of the queue and will be listed at full pace. */
function promoteWaiting(key: string): void {
  const at = waiting.findIndex((job) => job.key === key);
  if (at < 0) return;
  const [job] = waiting.splice(at, 1);
  if (job) waiting.unshift({ ...job, pace: "waited" });
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
    // A listing no reader waits on lets readers' engine calls go first (reader-turns.ts).
    const done = (job.pace === "background" ? runAsBackground(() => job.run(job.pace)) : job.run(job.pace))
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

import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Work no reader waits on (the verification a first search leaves behind, settle-later.ts) lets
 * readers' engine calls go first. Every engine call of this process passes through `takeTurn`
 * (EngineClient.call): a reader's call is counted while in flight; a call made inside
 * `runAsBackground` first waits until no reader's call is in flight and none has ended for
 * QUIET_MS, so that a stream of new searches does not find a listing page ahead of it in the
 * engine nor its answer being parsed on the server's one thread. It never waits longer than
 * MAX_DEFER_MS per call: under unbroken load the verification goes on, one page at a time. Once
 * a reader waits on the work itself (the same term searched again before it is verified), it is
 * hurried (`hurryBackgroundWork`) and waits no more.
 */

/** A gap this long between readers' calls is a pause, not the next search of a stream. */
export const QUIET_MS = 15;
/** Under unbroken load a background call still goes after this long. */
export const MAX_DEFER_MS = 250;

/** One piece of background work; `urgent` once a reader waits on its result. */
export type BackgroundWork = { urgent: boolean };

const background = new AsyncLocalStorage<BackgroundWork>();
let readerCalls = 0;
let lastReaderCallEnded = -Infinity;

/** Runs `work` as background work: its engine calls wait for readers' (see above). */
export function runAsBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run({ urgent: false }, work);
}

/** The background work the caller runs in, if any: a result it starts can be hurried later. */
export function findBackgroundWork(): BackgroundWork | undefined {
  return background.getStore();
}

/** A reader now waits on this work: its engine calls stop giving way. */
export function hurryBackgroundWork(work: BackgroundWork): void {
  work.urgent = true;
}

/** Runs one engine call, a reader's counted, a background one after readers have had their turn. */
export async function takeTurn<T>(call: () => Promise<T>): Promise<T> {
  const work = background.getStore();
  if (work) {
    await waitForReaders(work);
    return call();
  }
  readerCalls++;
  try {
    return await call();
  } finally {
    readerCalls--;
    lastReaderCallEnded = performance.now();
  }
}

/** Whether readers' calls are in flight or one ended less than QUIET_MS ago (tests wait on it too). */
export function areReadersBusy(now: number = performance.now()): boolean {
  return readerCalls > 0 || now - lastReaderCallEnded < QUIET_MS;
}

async function waitForReaders(work: BackgroundWork): Promise<void> {
  const deadline = performance.now() + MAX_DEFER_MS;
  for (;;) {
    const now = performance.now();
    if (work.urgent || !areReadersBusy(now) || now >= deadline) return;
    const quietIn = readerCalls > 0 ? QUIET_MS : QUIET_MS - (now - lastReaderCallEnded);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(quietIn, deadline - now))));
  }
}

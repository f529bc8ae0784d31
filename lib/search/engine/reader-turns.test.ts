import { describe, expect, it } from "vitest";
import { EngineClient } from "./client";
import { MAX_DEFER_MS, QUIET_MS, areReadersBusy, findBackgroundWork, hurryBackgroundWork, runAsBackground, takeTurn } from "./reader-turns";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reader's engine call that lasts until `release` is called. */
function startReaderCall(): { release: () => void; done: Promise<void> } {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { release, done: takeTurn(() => held) };
}

async function waitUntilQuiet(): Promise<void> {
  while (areReadersBusy()) await sleep(QUIET_MS);
}

describe("reader turns", () => {
  it("holds a background call while a reader's call is in flight, and lets it go once readers are quiet", async () => {
    await waitUntilQuiet();
    const reader = startReaderCall();
    const order: string[] = [];
    const background = runAsBackground(() => takeTurn(async () => order.push("background")));
    await sleep(QUIET_MS * 2);
    expect(order).toEqual([]);
    order.push("reader ended");
    reader.release();
    await reader.done;
    await background;
    expect(order).toEqual(["reader ended", "background"]);
  });

  it("lets a reader's call started later go before background work that waits", async () => {
    await waitUntilQuiet();
    const first = startReaderCall();
    const order: string[] = [];
    const background = runAsBackground(() => takeTurn(async () => order.push("background")));
    await takeTurn(async () => order.push("second reader"));
    first.release();
    await Promise.all([first.done, background]);
    expect(order).toEqual(["second reader", "background"]);
  });

  it("stops holding background work a reader now waits on", async () => {
    await waitUntilQuiet();
    const reader = startReaderCall();
    let work: ReturnType<typeof findBackgroundWork>;
    let ran = false;
    const background = runAsBackground(async () => {
      work = findBackgroundWork();
      await takeTurn(async () => (ran = true));
    });
    await sleep(QUIET_MS * 2);
    expect(ran).toBe(false);
    hurryBackgroundWork(work!);
    await background;
    expect(ran).toBe(true);
    reader.release();
    await reader.done;
  });

  it("never holds a background call longer than MAX_DEFER_MS", async () => {
    await waitUntilQuiet();
    const reader = startReaderCall();
    const started = performance.now();
    await runAsBackground(() => takeTurn(async () => undefined));
    expect(performance.now() - started).toBeGreaterThanOrEqual(MAX_DEFER_MS - 1);
    reader.release();
    await reader.done;
  });

  it("is what every EngineClient call goes through", async () => {
    await waitUntilQuiet();
    // No request is sent: the operations below never touch the client they are given.
    const client = new EngineClient({ url: "http://127.0.0.1:9", apiKey: "unused" });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const reader = client.call(() => held.then(() => order.push("reader")));
    const background = runAsBackground(() => client.call(async () => order.push("background")));
    await sleep(QUIET_MS * 2);
    expect(order).toEqual([]);
    release();
    await Promise.all([reader, background]);
    expect(order).toEqual(["reader", "background"]);
  });

  it("counts no call outside background work as background", () => {
    expect(findBackgroundWork()).toBeUndefined();
  });
});

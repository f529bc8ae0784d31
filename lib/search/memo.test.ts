import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemo } from "./memo";

afterEach(() => {
  vi.useRealTimers();
});

describe("createMemo", () => {
  it("shares one load between concurrent and later calls until the entry expires", async () => {
    vi.useFakeTimers();
    const memo = createMemo<number>({ maxEntries: 10, ttlMs: 1000 });
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([memo.get("a", load), memo.get("a", load)])).toEqual([1, 1]);
    vi.advanceTimersByTime(999);
    expect(await memo.get("a", load)).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await memo.get("a", load)).toBe(2);
  });

  it("forgets failures so the next call tries again", async () => {
    const memo = createMemo<number>({ maxEntries: 10, ttlMs: 60_000 });
    await expect(memo.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await Promise.resolve();
    expect(await memo.get("a", async () => 7)).toBe(7);
  });

  it("evicts the least recently used entry beyond maxEntries", async () => {
    const memo = createMemo<string>({ maxEntries: 2, ttlMs: 60_000 });
    await memo.get("a", async () => "a1");
    await memo.get("b", async () => "b1");
    await memo.get("a", async () => "a2");
    await memo.get("c", async () => "c1");
    expect(await memo.get("a", async () => "a3")).toBe("a1");
    expect(await memo.get("b", async () => "b2")).toBe("b2");
  });

  it("peeks at a kept entry without loading one, and sees none once expired or refused", async () => {
    const memo = createMemo<number>({ maxEntries: 10, ttlMs: 50, keep: (value) => value > 0 });
    expect(memo.peek("a")).toBeUndefined();
    await memo.get("a", async () => 3);
    expect(await memo.peek("a")).toBe(3);
    await memo.get("b", async () => -1);
    await Promise.resolve();
    expect(memo.peek("b")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(memo.peek("a")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { toPageTemplate } from "./page-template";
import { createPageCache, toPageCacheKey } from "./page-cache";

describe("the page cache", () => {
  const page = (text: string) => toPageTemplate(text);

  it("keys pages by version and by the parameters, whatever their order", () => {
    const a = toPageCacheKey("v1", new URLSearchParams("q=春运&topic=经济&topic=交通"));
    expect(toPageCacheKey("v1", new URLSearchParams("topic=经济&q=春运&topic=交通"))).toBe(a);
    // The values of one name keep their order (the page lists them so); another version is another page.
    expect(toPageCacheKey("v1", new URLSearchParams("q=春运&topic=交通&topic=经济"))).not.toBe(a);
    expect(toPageCacheKey("v2", new URLSearchParams("q=春运&topic=经济&topic=交通"))).not.toBe(a);
  });

  it("forgets the least recently used pages beyond its byte budget, and counts hits and misses", () => {
    const cache = createPageCache(100);
    cache.keep("a", page("x".repeat(40)));
    cache.keep("b", page("y".repeat(40)));
    expect(cache.read("a")?.bytes).toBe(40);
    cache.keep("c", page("z".repeat(40)));
    // b was the least recently used: a was just read.
    expect(cache.read("b")).toBeUndefined();
    expect(cache.read("a")).toBeDefined();
    expect(cache.read("c")).toBeDefined();
    expect(cache.readCounts()).toEqual({ hits: 3, misses: 1, pages: 2, bytes: 82 });
    // A page larger than the whole budget is not kept, and pushes nothing out.
    cache.keep("d", page("w".repeat(200)));
    expect(cache.read("d")).toBeUndefined();
    expect(cache.readCounts().pages).toBe(2);
    // Kept again under the same key: replaced, not counted twice.
    cache.keep("a", page("v".repeat(10)));
    expect(cache.readCounts().bytes).toBe(11 + 41);
  });

  it("keeps nothing with a budget of 0", () => {
    const cache = createPageCache(0);
    cache.keep("a", page("x"));
    expect(cache.read("a")).toBeUndefined();
  });
});

import http from "node:http";
import { describe, expect, it } from "vitest";
import { parseSearchRequest, toSearchQueryString } from "@/lib/search/search-request";
import { API_METHODS, checkRequestLimits, isJsonRoute, MAX_API_BODY_BYTES, MAX_URL_LENGTH, type RequestShape } from "./request-limits";
import { renderUrlTooLongPage } from "./url-too-long-page";

function shape(target: string, method = "GET", headers: Record<string, string> = {}): RequestShape {
  return { method, target, headers: new Headers(headers) };
}

/** The longest q (in UTF-16 units) the search schema accepts, found by asking it. */
function longestAcceptedQuery(): number {
  let low = 0;
  let high = 1_000_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (parseSearchRequest(new URLSearchParams({ q: "字".repeat(mid) })).ok) low = mid;
    else high = mid - 1;
  }
  return low;
}

describe("the limits fit together", () => {
  it("a URL with the longest accepted q, in the widest encoding, and filters fits under the URL limit", () => {
    const longest = longestAcceptedQuery();
    expect(longest).toBeGreaterThan(0);
    // A BMP character percent-encodes to 9 characters, the most per UTF-16 unit ("字" → %E5%AD%97).
    const parsed = parseSearchRequest(new URLSearchParams({ q: "字".repeat(longest) }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const filters = { from: "2019-01-01", to: "2019-12-31", author: Array.from({ length: 5 }, (_, i) => `作者姓名${i}`), topic: ["经济", "文化"], sort: "newest" as const, size: 100, page: 9999 };
    const target = `/api/export?format=bibtex&${toSearchQueryString({ ...parsed.request, ...filters })}`;
    expect(target.length).toBeGreaterThan(9 * longest);
    expect(target.length).toBeLessThan(MAX_URL_LENGTH);
    expect(checkRequestLimits(shape(target), "json")).toBeNull();
    expect(checkRequestLimits(shape(target.replace("/api/export", "/search")), "page")).toBeNull();
  });

  it("leaves room for other headers under Node's own header limit, so the app's 414 is what readers see", () => {
    expect(MAX_URL_LENGTH + 2048).toBeLessThanOrEqual(http.maxHeaderSize);
  });
});

describe("checkRequestLimits", () => {
  it("accepts ordinary requests", () => {
    expect(checkRequestLimits(shape("/api/search?q=%E5%B0%8F%E5%BE%AE"), "json")).toBeNull();
    expect(checkRequestLimits(shape("/search?q=%E5%B0%8F%E5%BE%AE"), "page")).toBeNull();
    for (const method of API_METHODS) expect(checkRequestLimits(shape("/api/authors", method), "json")).toBeNull();
    expect(checkRequestLimits(shape("/api/search", "GET", { "content-length": "0" }), "json")).toBeNull();
    expect(checkRequestLimits(shape("/api/search", "GET", { "content-length": String(MAX_API_BODY_BYTES) }), "json")).toBeNull();
  });

  it("refuses a URL over the limit with 414 naming its length and the limit, on pages and JSON routes", () => {
    const target = `/search?q=${"%E5%AD%97".repeat(2000)}`;
    for (const kind of ["page", "json"] as const) {
      const refusal = checkRequestLimits(shape(target), kind);
      expect(refusal?.status).toBe(414);
      expect(refusal?.code).toBe("url_too_long");
      expect(refusal?.message).toContain(`上限 ${MAX_URL_LENGTH}`);
      expect(refusal?.message).toContain(`URL too long: ${target.length} characters, the limit is ${MAX_URL_LENGTH}`);
    }
    expect(checkRequestLimits(shape(`/?${"a".repeat(MAX_URL_LENGTH - 2)}`), "page")).toBeNull();
    expect(checkRequestLimits(shape(`/?${"a".repeat(MAX_URL_LENGTH - 1)}`), "page")?.status).toBe(414);
  });

  it("refuses other methods than GET on JSON routes with 405 and an Allow header", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "post"]) {
      const refusal = checkRequestLimits(shape("/api/search", method), "json");
      expect(refusal?.status, method).toBe(405);
      expect(refusal?.message).toContain(`Method ${method.toUpperCase()} is not allowed`);
      expect(refusal?.headers.Allow).toBe("GET, HEAD, OPTIONS");
    }
    // Pages are left to Next.
    expect(checkRequestLimits(shape("/search", "POST"), "page")).toBeNull();
  });

  it("refuses a body over the limit with 413 naming it, and one of unknown length with 411", () => {
    const big = checkRequestLimits(shape("/api/search", "GET", { "content-length": String(MAX_API_BODY_BYTES + 1) }), "json");
    expect(big?.status).toBe(413);
    expect(big?.message).toContain(`Request body too large: ${MAX_API_BODY_BYTES + 1} bytes, the limit is ${MAX_API_BODY_BYTES} bytes`);
    expect(checkRequestLimits(shape("/api/search", "GET", { "content-length": "abc" }), "json")?.status).toBe(413);
    const chunked = checkRequestLimits(shape("/api/search", "GET", { "transfer-encoding": "chunked" }), "json");
    expect(chunked?.status).toBe(411);
    expect(chunked?.message).toContain(`at most ${MAX_API_BODY_BYTES} bytes`);
  });
});

describe("isJsonRoute", () => {
  it("knows the API, the author lookup and the saved-search feed from pages", () => {
    expect(isJsonRoute("/api/search")).toBe(true);
    expect(isJsonRoute("/api/articles/x")).toBe(true);
    expect(isJsonRoute("/search/authors")).toBe(true);
    expect(isJsonRoute("/search/feed")).toBe(true);
    expect(isJsonRoute("/search")).toBe(false);
    expect(isJsonRoute("/apiary")).toBe(false);
    expect(isJsonRoute("/articles/x")).toBe(false);
  });
});

describe("renderUrlTooLongPage", () => {
  it("explains in Chinese and English, names the limit and links back", () => {
    const refusal = checkRequestLimits(shape(`/search?q=${"x".repeat(MAX_URL_LENGTH)}`), "page");
    if (!refusal) throw new Error("expected a refusal");
    const html = renderUrlTooLongPage(refusal);
    expect(html).toContain("<h1 id=\"heading\">网址过长，无法打开</h1>");
    expect(html).toContain(`上限 ${MAX_URL_LENGTH}`);
    expect(html).toContain(`the limit is ${MAX_URL_LENGTH}`);
    expect(html).toContain('href="/"');
    expect(html).not.toContain("xxxx");
  });
});

describe("routes that change something", () => {
  it("take POST only, and the read routes still refuse POST", () => {
    for (const target of ["/api/corrections", "/api/corrections/0b6f1c2e-1d2a-4c5b-9e8f-123456789abc/undo", "/api/review", "/librarian/session"]) {
      expect(isJsonRoute(new URL(target, "http://x").pathname)).toBe(true);
      expect(checkRequestLimits(shape(target, "POST", { "content-length": "100" }), "json")).toBeNull();
      const get = checkRequestLimits(shape(target, "GET"), "json");
      expect(get?.status).toBe(405);
      expect(get?.headers.Allow).toBe("POST, OPTIONS");
    }
    expect(checkRequestLimits(shape("/api/search", "POST"), "json")?.status).toBe(405);
    expect(checkRequestLimits(shape("/api/corrections/x/y/undo", "POST"), "json")?.status).toBe(405);
    expect(checkRequestLimits(shape("/api/corrections", "POST", { "content-length": String(MAX_API_BODY_BYTES + 1) }), "json")?.status).toBe(413);
  });
});

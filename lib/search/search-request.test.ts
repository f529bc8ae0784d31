import { describe, expect, it } from "vitest";
import { parseSearchRequest, toSearchQueryString } from "./search-request";

describe("search request in the URL", () => {
  it("applies defaults and reads repeated parameters as lists", () => {
    const parsed = parseSearchRequest(new URLSearchParams("q=小微&author=李静&author=魏薇&page=2"));
    expect(parsed).toEqual({
      ok: true,
      request: expect.objectContaining({ q: "小微", author: ["李静", "魏薇"], page: 2, size: 20, sort: "relevance", topic: [] }),
    });
  });

  it("names the parameter that is wrong", () => {
    const parsed = parseSearchRequest({ q: "x", page: "0", from: "2024/01/01" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain("page");
      expect(parsed.message).toContain("from");
    }
    expect(parseSearchRequest({ sort: "random" }).ok).toBe(false);
    expect(parseSearchRequest({ size: "1000" }).ok).toBe(false);
  });

  it("round-trips through the query string, leaving defaults out", () => {
    const parsed = parseSearchRequest({ q: "“小马书屋” -太原", author: ["李静"], sort: "newest", page: "3" });
    if (!parsed.ok) throw new Error(parsed.message);
    const query = toSearchQueryString(parsed.request);
    expect(query).not.toContain("size=");
    const again = parseSearchRequest(new URLSearchParams(query));
    expect(again).toEqual(parsed);
  });
});

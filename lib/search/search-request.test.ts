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

  describe("edition (版次, the article's page number)", () => {
    it("reads one or repeated editions as numbers, none by default", () => {
      const repeated = parseSearchRequest(new URLSearchParams("q=经济&edition=4&edition=5&page=2"));
      expect(repeated).toMatchObject({ ok: true, request: { q: "经济", edition: [4, 5], page: 2 } });
      expect(parseSearchRequest({ edition: "12" })).toMatchObject({ ok: true, request: { edition: [12] } });
      expect(parseSearchRequest({ edition: ["1", "999"] })).toMatchObject({ ok: true, request: { edition: [1, 999] } });
      expect(parseSearchRequest({ q: "x" })).toMatchObject({ ok: true, request: { edition: [] } });
    });

    it.each(["0", "1000", "-1", "4.5", "1e2", "abc", "4;DROP", "", "4 OR page = 5"])("rejects edition=%j, naming the parameter", (value) => {
      const parsed = parseSearchRequest(new URLSearchParams([["edition", value]]));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^edition(\.\d+)?: edition 须为 1–999 的整数/);
    });

    it("rejects a bad value among good ones", () => {
      const parsed = parseSearchRequest(new URLSearchParams("edition=4&edition=x"));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain("edition");
    });

    it("keeps edition apart from the result page in the query string, and round-trips", () => {
      const parsed = parseSearchRequest(new URLSearchParams("q=经济&edition=4&edition=12&page=3"));
      if (!parsed.ok) throw new Error(parsed.message);
      const query = toSearchQueryString(parsed.request);
      expect(new URLSearchParams(query).getAll("edition")).toEqual(["4", "12"]);
      expect(new URLSearchParams(query).get("page")).toBe("3");
      expect(parseSearchRequest(new URLSearchParams(query))).toEqual(parsed);
    });
  });
});

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

  it.each([
    ["page=99999", "page: 最大 10000"],
    ["page=abc", "page: 须为数字"],
    ["page=1.5", "page: 须为整数"],
    ["page=0", "page: 须 ≥ 1"],
    ["size=0", "size: 须 ≥ 1"],
    ["size=101", "size: 最大 100"],
    ["sort=random", "sort: 须为 relevance、newest、oldest 之一"],
    ["from=2024/01/01", "from: 须为 YYYY-MM-DD"],
    ["q=a&q=b", "q: 只能给一个值"],
    ["author=李静&author=", "author（第 2 个）: 不能为空"],
    [`author=${"名".repeat(101)}`, "author（第 1 个）: 最长 100 个字符"],
    [Array.from({ length: 21 }, (_, at) => `topic=t${at}`).join("&"), "topic: 最多 20 个"],
  ])("says in Chinese what is wrong with %s, naming the parameter", (query, message) => {
    expect(parseSearchRequest(new URLSearchParams(query))).toEqual({ ok: false, message });
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
      if (!parsed.ok) expect(parsed.message).toMatch(/^edition(（第 1 个）)?: 须为 1–999 的整数/);
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

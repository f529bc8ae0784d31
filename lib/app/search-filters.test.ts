import { describe, expect, it } from "vitest";
import { parseSearchRequest, type SearchRequest } from "@/lib/search/search-request";
import { hasFilters, listActiveFilters, toClearedFiltersHref, withoutValue, withValue } from "./search-filters";

function request(params: Record<string, string | string[]>): SearchRequest {
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe("filters in the URL", () => {
  const current = request({ q: "江城", topic: "经济", author: ["李静", "王明远"], from: "2019-01-01", sort: "newest", page: "3" });

  it("adds and removes one value, back on page 1, leaving the rest", () => {
    expect(withValue(current, "topic", "体育")).toBe(
      "/search?q=%E6%B1%9F%E5%9F%8E&from=2019-01-01&author=%E6%9D%8E%E9%9D%99&author=%E7%8E%8B%E6%98%8E%E8%BF%9C&topic=%E7%BB%8F%E6%B5%8E&topic=%E4%BD%93%E8%82%B2&sort=newest",
    );
    expect(withValue(current, "topic", "经济")).not.toContain("page=");
    expect(withoutValue(current, "author", "李静")).toBe(
      "/search?q=%E6%B1%9F%E5%9F%8E&from=2019-01-01&author=%E7%8E%8B%E6%98%8E%E8%BF%9C&topic=%E7%BB%8F%E6%B5%8E&sort=newest",
    );
  });

  it("lists every active filter as a removable chip, the date range first", () => {
    const chips = listActiveFilters(current);
    expect(chips.map((chip) => `${chip.label}:${chip.value}`)).toEqual(["日期:2019-01-01 起", "作者:李静", "作者:王明远", "主题:经济"]);
    expect(chips[0]?.removeHref).not.toContain("from=");
  });

  it("clears all filters but keeps the query and the sort", () => {
    expect(toClearedFiltersHref(current)).toBe("/search?q=%E6%B1%9F%E5%9F%8E&sort=newest");
    expect(hasFilters(current)).toBe(true);
    expect(hasFilters(request({ q: "江城" }))).toBe(false);
  });
});

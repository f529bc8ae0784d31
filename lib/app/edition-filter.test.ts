import { describe, expect, it } from "vitest";
import { parseSearchRequest, type SearchRequest } from "@/lib/search/search-request";
import { formatFilterValue, hasFilters, listActiveFilters, selectedValues, withoutValue, withValue } from "./search-filters";

function request(params: string): SearchRequest {
  const parsed = parseSearchRequest(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe("the 版次 (edition) filter in the URL", () => {
  const current = request("q=经济&edition=4&page=3");

  it("adds and removes an edition like any other group, back on page 1", () => {
    expect(withValue(current, "edition", "5")).toBe("/search?q=%E7%BB%8F%E6%B5%8E&edition=4&edition=5");
    expect(withValue(current, "edition", "4")).toBe("/search?q=%E7%BB%8F%E6%B5%8E&edition=4");
    expect(withoutValue(current, "edition", "4")).toBe("/search?q=%E7%BB%8F%E6%B5%8E");
  });

  it("shows selected editions as removable chips labelled 第N版", () => {
    const chips = listActiveFilters(request("q=经济&source=人民日报&edition=4&edition=12"));
    expect(chips.map((chip) => `${chip.label}:${chip.value}`)).toEqual(["报纸:人民日报", "版次:第4版", "版次:第12版"]);
    expect(chips[1]?.removeHref).toBe("/search?q=%E7%BB%8F%E6%B5%8E&source=%E4%BA%BA%E6%B0%91%E6%97%A5%E6%8A%A5&edition=12");
  });

  it("counts as a filter and reads back as the strings the facet counts use", () => {
    expect(hasFilters(current)).toBe(true);
    expect(hasFilters(request("q=经济"))).toBe(false);
    expect(selectedValues(request("edition=4&edition=12"), "edition")).toEqual(["4", "12"]);
    expect(formatFilterValue("edition", "4")).toBe("第4版");
    expect(formatFilterValue("column", "要闻")).toBe("要闻");
  });
});

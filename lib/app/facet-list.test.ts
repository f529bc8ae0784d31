import { describe, expect, it } from "vitest";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { limitFacetValues, readExpandedGroups, toExpandedHref } from "./facet-list";

const values = Array.from({ length: 50 }, (_, i) => ({ value: `栏目${i}`, count: 100 - i }));

describe("facet lists on the results page", () => {
  it("keeps the most frequent values and every selected one, with its count", () => {
    const limited = limitFacetValues(values, ["栏目42"], 5);
    expect(limited.map((entry) => entry.value)).toEqual(["栏目0", "栏目1", "栏目2", "栏目3", "栏目4", "栏目42"]);
    expect(limited.at(-1)).toEqual({ value: "栏目42", count: 58 });
  });

  it("reads opened groups from the URL, ignoring unknown names", () => {
    expect(readExpandedGroups({ more: ["column", "nonsense"] })).toEqual(["column"]);
    expect(readExpandedGroups(new URLSearchParams("more=author&more=topic"))).toEqual(["author", "topic"]);
    expect(readExpandedGroups({})).toEqual([]);
  });

  it("links to the same search with one group opened", () => {
    const request = SearchRequestSchema.parse({ q: "北京", topic: ["经济"] });
    const href = toExpandedHref(request, "column");
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/search");
    expect(url.searchParams.get("q")).toBe("北京");
    expect(url.searchParams.getAll("topic")).toEqual(["经济"]);
    expect(url.searchParams.get("more")).toBe("column");
  });
});

import { describe, expect, it } from "vitest";
import { parseSearchRequest, SearchRequestSchema } from "@/lib/search/search-request";
import { AUTHOR_LIST_LIMIT, FACET_LIST_LIMIT, limitFacetValues, listShownFacetValues, readExpandedGroups, toExpandedHref } from "./facet-list";

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

  it("sends the panel only the values it lists, with each group's full count", () => {
    const rows = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ value: `${prefix}${i}`, count: 1000 - i }));
    const counts = { author: rows("作者", 900), role: rows("角色", 3), topic: rows("主题", 40), column: rows("栏目", 500), source: rows("报纸", 1), edition: rows("", 20) };
    const parsed = parseSearchRequest(new URLSearchParams("q=发展&author=作者850&column=栏目499&edition=12"));
    if (!parsed.ok) throw new Error(parsed.message);
    const request = parsed.request;
    const { listed, totals } = listShownFacetValues(counts, request, ["topic", "author"]);
    expect(totals).toEqual({ author: 900, role: 3, topic: 40, column: 500, source: 1, edition: 20 });
    // Authors never open in full; the selected one far down stays, with its count.
    expect(listed.author).toHaveLength(AUTHOR_LIST_LIMIT + 1);
    expect(listed.author.at(-1)).toEqual({ value: "作者850", count: 150 });
    // An opened group is whole; the others are their top and their selected values (editions as strings).
    expect(listed.topic).toEqual(counts.topic);
    expect(listed.column.map((row) => row.value)).toEqual([...counts.column.slice(0, FACET_LIST_LIMIT), counts.column[499]!].map((row) => row.value));
    expect(listed.edition.map((row) => row.value)).toContain("12");
    expect(listed.role).toEqual(counts.role);
  });
});

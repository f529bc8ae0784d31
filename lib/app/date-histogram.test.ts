import { describe, expect, it } from "vitest";
import { parseSearchRequest, type SearchRequest } from "@/lib/search/search-request";
import { buildMonthHistogram, buildYearHistogram, pickDrillYear } from "./date-histogram";

function request(params: Record<string, string>): SearchRequest {
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe("date histogram", () => {
  it("fills missing years with empty bars and links each bar to its year, keeping the query", () => {
    const histogram = buildYearHistogram(request({ q: "江城" }), [
      { value: "2021", count: 5 },
      { value: "2018", count: 6 },
    ]);
    expect(histogram.bins.map((bin) => [bin.key, bin.count])).toEqual([["2018", 6], ["2019", 0], ["2020", 0], ["2021", 5]]);
    expect(histogram.bins[0]?.href).toBe("/search?q=%E6%B1%9F%E5%9F%8E&from=2018-01-01&to=2018-12-31");
    expect(histogram.bins.some((bin) => bin.selected)).toBe(false);
  });

  it("marks the bars a narrower range overlaps, not those of a range covering the chart", () => {
    const years = [{ value: "2018", count: 1 }, { value: "2019", count: 1 }, { value: "2020", count: 1 }];
    const narrow = buildYearHistogram(request({ from: "2018-06-01", to: "2019-02-01" }), years);
    expect(narrow.bins.map((bin) => bin.selected)).toEqual([true, true, false]);
    const wide = buildYearHistogram(request({ from: "2000-01-01", to: "2030-12-31" }), years);
    expect(wide.bins.map((bin) => bin.selected)).toEqual([false, false, false]);
  });

  it("shows twelve months of a year, with month ends right (leap February)", () => {
    const histogram = buildMonthHistogram(request({ from: "2020-02-01", to: "2020-02-29" }), 2020, [{ value: "2020-02", count: 3 }]);
    expect(histogram.bins).toHaveLength(12);
    expect(histogram.bins[1]).toMatchObject({ key: "2020-02", from: "2020-02-01", to: "2020-02-29", count: 3, selected: true });
    expect(histogram.allYearsHref).toBe("/search");
  });

  it("drills into a year when the range lies in it, or when all results are from one year", () => {
    expect(pickDrillYear({ from: "2019-02-01", to: "2019-03-01" }, [])).toBe(2019);
    expect(pickDrillYear({ from: "2019-02-01", to: "2020-03-01" }, [])).toBeNull();
    expect(pickDrillYear({}, [{ value: "2018", count: 4 }])).toBe(2018);
    expect(pickDrillYear({}, [{ value: "2018", count: 4 }, { value: "2019", count: 1 }])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { findSplitOfDate, PAGE_SPLITS, RMRB_MONTHS, XWLB_YEARS } from "./splits";

describe("page splits", () => {
  it("share no rmrb month and no xwlb year", () => {
    const months = PAGE_SPLITS.flatMap((split) => RMRB_MONTHS[split]);
    expect(new Set(months).size).toBe(months.length);
    const years = PAGE_SPLITS.flatMap((split) => {
      const [from, to] = XWLB_YEARS[split];
      return Array.from({ length: to - from + 1 }, (_, offset) => from + offset);
    });
    expect(new Set(years).size).toBe(years.length);
  });

  it("place dates in the brief's splits", () => {
    expect(findSplitOfDate("2019-02-21", "rmrb")).toBe("train");
    expect(findSplitOfDate("2019-10-01", "rmrb")).toBe("train");
    expect(findSplitOfDate("2020-01-31", "rmrb")).toBe("dev");
    expect(findSplitOfDate("2020-02-14", "rmrb")).toBe("test");
    expect(findSplitOfDate("2019-03-01", "rmrb")).toBeNull();
    expect(findSplitOfDate("2017-12-31", "xwlb")).toBe("train");
    expect(findSplitOfDate("2018-01-01", "xwlb")).toBe("dev");
    expect(findSplitOfDate("2020-12-31", "xwlb")).toBe("dev");
    expect(findSplitOfDate("2021-01-01", "xwlb")).toBe("test");
    expect(findSplitOfDate("2026-06-11", "xwlb")).toBe("test");
  });
});

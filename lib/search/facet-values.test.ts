import { describe, expect, it } from "vitest";
import { rankNameMatches } from "./facet-values";

describe("ranking author names for a typed fragment", () => {
  const candidates = [
    { value: "赵静茹", count: 10 },
    { value: "李静怡", count: 2 },
    { value: "李静", count: 6 },
    { value: "王李静", count: 9 },
    { value: "李明", count: 20 },
  ];

  it("puts the exact name first, then names starting with it, then names containing it; drops the rest", () => {
    expect(rankNameMatches("李静", candidates).map((match) => `${match.kind}:${match.value}`)).toEqual([
      "exact:李静",
      "prefix:李静怡",
      "contains:王李静",
    ]);
  });

  it("orders by count within a kind and matches Traditional input to Simplified names", () => {
    expect(rankNameMatches("靜", candidates).map((match) => match.value)).toEqual(["赵静茹", "王李静", "李静", "李静怡"]);
  });

  it("ignores spaces and middle dots and finds nothing for an empty fragment", () => {
    expect(rankNameMatches("阿依·古丽", [{ value: "阿依古丽", count: 1 }])).toHaveLength(1);
    expect(rankNameMatches("  ", candidates)).toEqual([]);
  });

  it("finds names by full pinyin or initials for Latin input, after any literal match", () => {
    expect(rankNameMatches("lijing", candidates).map((match) => `${match.kind}:${match.value}`)).toEqual(["pinyin:李静", "pinyin:李静怡"]);
    expect(rankNameMatches("lj", candidates).map((match) => match.value)).toEqual(["李静", "李静怡"]);
    expect(rankNameMatches("zjr", candidates).map((match) => match.value)).toEqual(["赵静茹"]);
  });
});

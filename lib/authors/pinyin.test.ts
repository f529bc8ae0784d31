import { describe, expect, it } from "vitest";
import { matchesAuthorQuery, rankAuthorMatch, toPinyinKeys, toPinyinSortKey } from "./pinyin";

describe("author pinyin matching", () => {
  it("finds 李静 by Chinese, full pinyin, initials and mixed prefixes", () => {
    for (const query of ["李静", "李", "静", "lijing", "li jing", "LiJing", "lj", "ljing", "lij", "l"]) {
      expect(matchesAuthorQuery("李静", query), query).toBe(true);
    }
  });

  it("does not match other names", () => {
    for (const query of ["赵静茹", "wang", "jl", "lijingx", "zj"]) {
      expect(matchesAuthorQuery("李静", query), query).toBe(false);
    }
  });

  it("reads surnames with their surname pronunciation", () => {
    expect(toPinyinKeys("单雄信").full).toBe("shanxiongxin");
    expect(matchesAuthorQuery("曾国藩", "zgf")).toBe(true);
  });

  it("sorts in pinyin order and ranks exact and prefix matches first", () => {
    const names = ["赵静茹", "李静", "阿明", "李学军"];
    expect([...names].sort((a, b) => toPinyinSortKey(a).localeCompare(toPinyinSortKey(b)))).toEqual(["阿明", "李静", "李学军", "赵静茹"]);
    const ranked = ["赵静茹", "李静怡", "李静"].sort((a, b) => rankAuthorMatch(a, "李静") - rankAuthorMatch(b, "李静"));
    expect(ranked).toEqual(["李静", "李静怡", "赵静茹"]);
  });
});

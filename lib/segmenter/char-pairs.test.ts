import { describe, expect, it } from "vitest";
import { decodeCharPairs, encodeCharPairs, readJoinPair } from "./char-pairs";
import { markUnfinished } from "./open-columns";
import { splitPageLines } from "./page-lines";

describe("char pairs", () => {
  const chars = ["的", "发", "展", "中", "国", "𠀀"];
  const code = (left: number, right: number) => left * chars.length + right;

  it("reads back the pairs it stored, gaps of any size included", () => {
    const codes = [code(1, 2), code(3, 4), code(0, 0), code(5, 5), code(4, 0)];
    const table = decodeCharPairs(encodeCharPairs(chars, codes));
    expect([...table.pairs].sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
    expect(table.size).toBe(chars.length);
  });

  it("tells a frequent pair across a join from an unknown one and from a rare character", () => {
    const table = decodeCharPairs(encodeCharPairs(chars, [code(1, 2), code(5, 0)]));
    expect(readJoinPair(table, "推动发", "展经济")).toBe("pair");
    expect(readJoinPair(table, "推动展", "发经济")).toBe("none");
    expect(readJoinPair(table, "推动发", "X")).toBe("rare");
    expect(readJoinPair(table, "甲𠀀", "的乙")).toBe("pair");
  });
});

describe("markUnfinished", () => {
  it("counts a line cut mid-sentence, not one closed by a stop, a bracketed signature or a trailing byline", () => {
    const lines = splitPageLines(["这是一个很长的句子，它在这里被栏目的末尾切断了，后面的", "这句话已经结束了。", "记者会见了有关方面负责人并了解情况，（王伟健）", "表格\t一\t二"].join("\n"));
    expect(markUnfinished(lines)).toEqual([true, false, false, false]);
  });
});

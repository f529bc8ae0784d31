import { describe, expect, it } from "vitest";
import { listSuggestionCandidates } from "./query-suggestions";

describe("queries to suggest when nothing is found", () => {
  it("drops one part at a time, never leaving only exclusions", () => {
    expect(listSuggestionCandidates("小马书屋 不存在的词 -会议").map((candidate) => candidate.q)).toEqual(
      expect.arrayContaining(["不存在的词 -会议", "小马书屋 -会议", "小马书屋 不存在的词"]),
    );
    expect(listSuggestionCandidates("江城 -会议").map((candidate) => candidate.q)).not.toContain("-会议");
  });

  it("splits a long term into the words jieba finds, keeping the rest of the query", () => {
    const splits = listSuggestionCandidates("标题:新质生产力发展").filter((candidate) => candidate.kind === "split").map((candidate) => candidate.q);
    expect(splits[0]).toMatch(/^标题:\S+ 标题:\S+/u);
    expect(splits.every((q) => q.startsWith("标题:"))).toBe(true);
    expect(splits.at(-1)?.split(" ")).toHaveLength(1);
  });

  it("offers nothing for a short single term or bad input", () => {
    expect(listSuggestionCandidates("江城")).toEqual([]);
    expect(listSuggestionCandidates("")).toEqual([]);
  });
});

describe("variant forms", () => {
  it("offers the other form of a variant word first, keeping the rest of the query", () => {
    const candidates = listSuggestionCandidates("惟一 选择 -作者:王明远");
    expect(candidates[0]).toEqual({ q: "唯一 选择 -作者:王明远", kind: "variant" });
  });
});

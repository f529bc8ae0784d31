import { describe, expect, it } from "vitest";
import { decodeSubjectSpace, embedWords, measureCosine } from "@/lib/segmenter/subject-space";
import { toOneParagraphSource } from "@/test/unit/one-paragraph-source";
import { countSubjectSpace } from "./count-subject-space";

describe("countSubjectSpace", () => {
  // Farming words and railway words never share an article; 农民 and 农业, 铁路 and 列车 always do in pairs.
  const farming = ["农民播种小麦，农业丰收。", "农业技术指导农民施肥。", "小麦播种时节，农民下田。", "农业部门帮助农民施肥播种。"];
  const railway = ["铁路列车开通运营。", "高铁列车时速提高，铁路运营。", "列车开通，车站迎客。", "铁路车站运营高铁。"];
  const sources = [...farming, ...railway, ...farming, ...railway].map(toOneParagraphSource);
  const settings = { dims: 2, words: 100, minArticles: 2, oversample: 4, powerIterations: 2, seed: 3 };
  const file = countSubjectSpace(sources, settings);
  const space = decodeSubjectSpace(file);
  const near = (a: string, b: string) => measureCosine(embedWords(space, [a])!, embedWords(space, [b])!);

  it("puts words of the same articles together and words that never meet apart", () => {
    expect(space.index.has("农业") && space.index.has("铁路")).toBe(true);
    expect(near("农业", "农民")).toBeGreaterThan(0.9);
    expect(near("铁路", "列车")).toBeGreaterThan(0.9);
    expect(Math.abs(near("农业", "铁路"))).toBeLessThan(0.3);
  });

  it("keeps only words found in at least minArticles articles, most widespread first", () => {
    const once = countSubjectSpace([...sources, toOneParagraphSource("航天飞船发射成功。")], settings);
    expect(once.words.split(" ")).not.toContain("飞船");
    expect(file.words.split(" ").length).toBeLessThanOrEqual(settings.words);
  });

  it("writes the same bytes for the same sources and settings", () => {
    expect(countSubjectSpace(sources, settings)).toEqual(file);
  });
});

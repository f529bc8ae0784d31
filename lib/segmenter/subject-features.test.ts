import { describe, expect, it } from "vitest";
import { observeLine } from "./line-observations";
import { splitPageLines } from "./page-lines";
import { loadShippedLexicon } from "./model-file";
import { collectContentWords, compareContextInSpace, describeTopicShift, measurePageSubjects } from "./subject-features";

function topicAt(text: string, i: number): string[] {
  const lines = splitPageLines(text);
  const words = lines.map((line) => collectContentWords(line.norm));
  const observed = lines.map(observeLine);
  return describeTopicShift(words, observed, i, measurePageSubjects(lines, observed, loadShippedLexicon().subjects), "0|0|false");
}

describe("describeTopicShift", () => {
  const farming = "春耕时节，农民在田间播种小麦和玉米，农业技术人员指导农民科学施肥。";
  const farmingMore = "农业部门组织技术人员下乡，帮助农民解决播种和施肥中的难题。";
  const rail = "新建铁路今天开通运营，列车最高时速三百五十公里，沿线城市迎来高铁时代。";
  const railMore = "这条铁路全长八百公里，设车站二十座，列车开通后城市之间的通行时间大为缩短。";

  it("tells a paragraph that shares words with what precedes from one that only shares with what follows", () => {
    const same = topicAt([farming, farmingMore, farming, rail].join("\n"), 1);
    const shift = topicAt([farming, farmingMore, rail, railMore].join("\n"), 2);
    expect(same.find((feature) => feature.startsWith("topicBack|ahead|shape="))).not.toMatch(/^topicBack\|ahead\|shape=0\|/u);
    expect(shift).toContain("topicBack|ahead|shape=0|3|text");
  });

  it("reads the IDF-weighted similarity of a new subject as low and of the same one as high", () => {
    const same = topicAt([farming, farmingMore, farming, rail].join("\n"), 2);
    const shift = topicAt([farming, farmingMore, rail, railMore].join("\n"), 2);
    expect(shift).toContain("tsim=0");
    const bucket = Number(same.find((feature) => feature.startsWith("tsim="))?.slice("tsim=".length));
    expect(bucket).toBeGreaterThanOrEqual(5);
  });

  it("reads a new subject as far in the shipped word space even with no word shared, and the same subject as near", () => {
    const shift = topicAt([farming, farmingMore, rail, railMore].join("\n"), 2);
    const same = topicAt([farming, farmingMore, farming, rail].join("\n"), 2);
    const bucket = (features: string[]) => Number(features.find((feature) => feature.startsWith("ssim="))?.slice("ssim=".length));
    expect(bucket(shift)).toBeLessThanOrEqual(2);
    expect(bucket(same)).toBeGreaterThanOrEqual(bucket(shift) + 3);
  });
});

describe("compareContextInSpace", () => {
  const lines = splitPageLines(["春耕时节，农民在田间播种小麦和玉米，农业技术人员指导", "新建铁路今天开通运营，列车最高时速三百五十公里，沿线城市迎来高铁时代。", "农民科学施肥，今年的粮食产量有望再创新高。"].join("\n"));
  const { subjects } = loadShippedLexicon();

  it("puts a resumed line nearer the words around its cut line than those of the block that broke in", () => {
    expect(compareContextInSpace(lines, subjects, 0, 2)).toMatch(/^earlier/u);
  });

  it("says none when a window holds no word of the space", () => {
    expect(compareContextInSpace(splitPageLines("一二三\n四五六\n七八九"), subjects, 0, 2)).toBe("none");
  });
});

import { describe, expect, it } from "vitest";
import { cutDictionaryWords, cutDictionaryWordsEach, cutWords, extractKeywords } from "./jieba";

describe("jieba segmentation", () => {
  it("keeps numbers whole (HMM on)", () => {
    const words = cutWords("国家级专精特新“小巨人”企业142户，同比增长12%");
    expect(words).toContain("142");
    expect(words).toContain("12");
    expect(words).not.toContain("4");
  });

  it("extracts Han keywords and drops bare numbers and single characters", () => {
    const keywords = extractKeywords("全省小微贷款余额同比增长12%，小微企业融资协调工作机制取得成效，小微企业获得感增强。");
    expect(keywords).toContain("小微");
    expect(keywords.every((word) => /\p{Script=Han}/u.test(word) && [...word].length >= 2)).toBe(true);
    expect(extractKeywords("   ")).toEqual([]);
  });

  it("cuts several texts in one call into the words each gets alone", () => {
    const texts = ["全省小微贷款余额同比增长12%，", "小微企业融资协调工作机", "制取得成效", "", "A股市场2020年", "国务院新闻办公室"];
    expect(cutDictionaryWordsEach(texts)).toEqual(texts.map((text) => cutDictionaryWords(text)));
    // A text with a line break of its own would shift every later text's words: refused.
    expect(() => cutDictionaryWordsEach(["第一行\n第二行", "第三行"])).toThrow(/2 texts cut into 3/);
  });
});

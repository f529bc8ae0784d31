import { describe, expect, it } from "vitest";
import { matchTextsNear, sourceContainsTerm, toMatchTerm, toMatchText } from "./exact-match";

const source = { title: "我省新增一所“小马书屋”", kicker: null, subtitle: null, body: "支持中小微企业\n发展 经济", authors: ["魏薇", "张三"] };

describe("exact match", () => {
  it("normalises both sides and ignores whitespace inside a paragraph", () => {
    expect(toMatchText("ＰＭ２．５ 醫院")).toBe("pm2.5医院");
    expect(toMatchTerm(" 开 心 ")).toBe("开心");
    expect(sourceContainsTerm(source, "發展經濟", "any")).toBe(true);
  });

  it("never matches across paragraphs, fields or author names", () => {
    expect(sourceContainsTerm(source, "企业发展", "any")).toBe(false);
    expect(sourceContainsTerm(source, "书屋”支持", "any")).toBe(false);
    expect(sourceContainsTerm(source, "魏薇张三", "any")).toBe(false);
    expect(sourceContainsTerm(source, "魏薇", "any")).toBe(true);
  });

  it("limits title scope to the headline fields", () => {
    expect(sourceContainsTerm(source, "小马", "title")).toBe(true);
    expect(sourceContainsTerm(source, "小微", "title")).toBe(false);
  });

  it("matches nothing for an empty term", () => {
    expect(sourceContainsTerm(source, "  ", "any")).toBe(false);
  });
});

describe("proximity (NEAR)", () => {
  it("finds two terms within n characters in one paragraph, either order, whitespace ignored", () => {
    const texts = [toMatchText("今年春运期间，铁路部门加开列车。\n民航也增加了航班。")];
    expect(matchTextsNear(texts, "春运", "铁路", 3)).toBe(true);
    expect(matchTextsNear(texts, "春运", "铁路", 2)).toBe(false);
    expect(matchTextsNear(texts, "铁路", "春运", 3)).toBe(true);
    expect(matchTextsNear(texts, "春运", "民航", 50)).toBe(false);
    expect(matchTextsNear([toMatchText("春 运铁 路")], "春运", "铁路", 0)).toBe(true);
    expect(matchTextsNear([toMatchText("中国人民")], "中国人", "国人民", 0)).toBe(true);
    expect(matchTextsNear([toMatchText("春运𠀀𠀀铁路")], "春运", "铁路", 2)).toBe(true);
    expect(matchTextsNear([toMatchText("春運與鐵路")], "春运", "铁路", 1)).toBe(true);
  });
});

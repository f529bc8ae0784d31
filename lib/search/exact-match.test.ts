import { describe, expect, it } from "vitest";
import { sourceContainsTerm, toMatchTerm, toMatchText } from "./exact-match";

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

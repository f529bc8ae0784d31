import { describe, expect, it } from "vitest";
import { endsSentence, parseBylineLine, splitTrailingByline } from "./trailing-byline";

describe("parseBylineLine", () => {
  it.each([
    ["(何宝国)", [{ name: "何宝国", role: null }]],
    ["（陈嘉欣）", [{ name: "陈嘉欣", role: null }]],
    ["（赵静茹、邢雪丽）", [{ name: "赵静茹", role: null }, { name: "邢雪丽", role: null }]],
    ["(王丽 李强)", [{ name: "王丽", role: null }, { name: "李强", role: null }]],
    ["（本报记者 王昊男）", [{ name: "王昊男", role: "记者" }]],
    ["（记者王昊）", [{ name: "王昊", role: "记者" }]],
    ["（记者王昊男 通讯员李明）", [{ name: "王昊男", role: "记者" }, { name: "李明", role: "通讯员" }]],
    [
      "见习记者 孙佳敏 通讯员 孟涛 文/摄",
      [{ name: "孙佳敏", role: "见习记者" }, { name: "孟涛", role: "通讯员" }],
    ],
    ["李学军 杨晓勇 摄影报道", [{ name: "李学军", role: "摄影" }, { name: "杨晓勇", role: "摄影" }]],
    ["张晓东 摄", [{ name: "张晓东", role: "摄影" }]],
    ["严贵旺摄影报道", [{ name: "严贵旺", role: "摄影" }]],
    ["记者 刘芳 张明 摄", [{ name: "刘芳", role: "记者" }, { name: "张明", role: "记者" }]],
    ["（记者 阿依古丽·买买提）", [{ name: "阿依古丽·买买提", role: "记者" }]],
    ["（欧阳明月）", [{ name: "欧阳明月", role: null }]],
    ["(弓凤飞)", [{ name: "弓凤飞", role: null }]],
    ["本报记者 张武军摄", [{ name: "张武军", role: "记者" }]],
    ["新华社记者 普布扎西摄", [{ name: "普布扎西", role: "记者" }]],
    ["何鼎鼎 本报评论员", [{ name: "何鼎鼎", role: "评论员" }]],
    ["本报记者 谷业凯 陈晓航摄影报道", [{ name: "谷业凯", role: "记者" }, { name: "陈晓航", role: "记者" }]],
  ])("reads %s", (line, authors) => {
    expect(parseBylineLine(line)).toEqual({ printed: line, authors });
  });

  it.each([
    "（以下简称“专委会”）",
    "(2025.3.17—2025.3.23)",
    "县(市、区)",
    "(市、区)",
    "（待续）",
    "（新华社电）",
    "（美丽中国）",
    "（暖相册）",
    "（说道）",
    "（一方有难 八方支援）",
    "（暖相册·春运故事）",
    "（记者手记）",
    "记者手记",
    "(太原)",
    "（作者为钢琴家）",
    "（据新华社）",
    "双拥共建",
    "喜报送进家门 军属共享荣光",
    "探索开 心 自我 灵 窗 成长户",
    "摄影展开幕",
    "记者节特别报道",
    "记者",
    "本报讯 近日，张三到场。",
  ])("rejects %s", (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });
});

describe("pen names (role-less parenthesised names with an unlisted surname)", () => {
  it.each([
    ["（羽生）", [{ name: "羽生", role: null }]],
    ["(画间语)", [{ name: "画间语", role: null }]],
    ["（李龙伊、丛坤）", [{ name: "李龙伊", role: null }, { name: "丛坤", role: null }]],
  ])("reads %s only when asked", (line, authors) => {
    expect(parseBylineLine(line)).toBeNull();
    expect(parseBylineLine(line, { penNames: true })).toEqual({ printed: line, authors });
  });

  it.each(["（美丽中国）", "（节选）", "（全文完）", "（据新华社）", "（以下简称“专委会”）", "（完）", "羽生 实思"])(
    "still rejects %s",
    (line) => expect(parseBylineLine(line, { penNames: true })).toBeNull(),
  );

  it("splits a pen name off a paragraph only when asked", () => {
    expect(splitTrailingByline("倡导新风气。（羽生）")).toBeNull();
    expect(splitTrailingByline("倡导新风气。（羽生）", { penNames: true })).toEqual({
      text: "倡导新风气。",
      byline: { printed: "（羽生）", authors: [{ name: "羽生", role: null }] },
    });
    expect(splitTrailingByline("由国投晋创谷(太原)", { penNames: true })).toBeNull();
  });
});

describe("splitTrailingByline", () => {
  it("splits a parenthesised byline after the last sentence", () => {
    expect(splitTrailingByline("助力企业提升竞争力。(李静)")).toEqual({
      text: "助力企业提升竞争力。",
      byline: { printed: "(李静)", authors: [{ name: "李静", role: null }] },
    });
  });

  it("splits a bare byline with roles after the last sentence", () => {
    expect(splitTrailingByline("“……更大的社会价值。”谈及未来，王素环充满憧憬。见习记者 孙佳敏 通讯员 孟涛 文/摄")).toEqual({
      text: "“……更大的社会价值。”谈及未来，王素环充满憧憬。",
      byline: {
        printed: "见习记者 孙佳敏 通讯员 孟涛 文/摄",
        authors: [{ name: "孙佳敏", role: "见习记者" }, { name: "孟涛", role: "通讯员" }],
      },
    });
  });

  it("splits after a closing quote", () => {
    expect(splitTrailingByline("他说：“很顺手。”（弓凤飞）")?.text).toBe("他说：“很顺手。”");
  });

  it.each([
    "由国投晋创谷(太原)",
    "专业委员会(以下简称“专委会”)",
    "全省各县(市、区)",
    "第一句。第二句没有结束(太原)",
    "他说了这句话。通讯员李明说",
    "一句话。(2025.3.17—2025.3.23)",
    "(李静)",
  ])("leaves %s alone", (paragraph) => {
    expect(splitTrailingByline(paragraph)).toBeNull();
  });
});

describe("endsSentence", () => {
  it("knows where sentences end", () => {
    expect(endsSentence("成立。")).toBe(true);
    expect(endsSentence("的关心。”")).toBe(true);
    expect(endsSentence("标为红色;")).toBe(true);
    expect(endsSentence("“小马书屋”")).toBe(false);
    expect(endsSentence("“十四五”时期，")).toBe(false);
  });
});

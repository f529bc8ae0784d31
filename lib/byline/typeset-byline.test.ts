import { describe, expect, it } from "vitest";
import { readTypesetByline } from "./typeset-byline";

const MID_ITEM = { endsItem: false };
const ITEM_END = { endsItem: true };

function read(text: string, options = MID_ITEM) {
  const reading = readTypesetByline(text, options);
  return reading && { authors: reading.authors, credits: reading.credits };
}

describe("readTypesetByline: photo credits", () => {
  it.each([
    ["严贵旺摄影报道", [{ name: "严贵旺", role: "摄影" }]],
    ["张三摄", [{ name: "张三", role: "摄影" }]],
    ["鲜\u3000 敢\u3000 严贵旺摄影报道", [{ name: "鲜敢", role: "摄影" }, { name: "严贵旺", role: "摄影" }]],
    ["新华社记者 张三 摄", [{ name: "张三", role: "摄影" }]],
    ["本报记者\u00a0 贺\u00a0 勇摄", [{ name: "贺勇", role: "摄影" }]],
  ])("reads %s", (line, authors) => {
    expect(read(line)).toEqual({ authors, credits: [] });
  });

  it("keeps the picture source apart from the photographer", () => {
    expect(read("胡攀学摄（人民视觉）")).toEqual({
      authors: [{ name: "胡攀学", role: "摄影" }],
      credits: [{ role: "图片来源", name: "人民视觉" }],
    });
    expect(read("新华社发")).toEqual({ authors: [], credits: [{ role: "图片来源", name: "新华社" }] });
    expect(read("中车长客公司供图")).toEqual({ authors: [], credits: [{ role: "供图", name: "中车长客公司" }] });
  });
});

describe("readTypesetByline: page credits", () => {
  it("reads labels and their names as credits, not authors", () => {
    expect(read("版式设计：蔡华伟")).toEqual({ authors: [], credits: [{ role: "版式设计", name: "蔡华伟" }] });
    expect(read("本版制图：郭 祥")).toEqual({ authors: [], credits: [{ role: "制图", name: "郭祥" }] });
  });

  it("reads several labels on one line; a photographer among them is an author", () => {
    expect(read("本版摄影：史家民  版式设计：沈亦伶")).toEqual({
      authors: [{ name: "史家民", role: "摄影" }],
      credits: [{ role: "版式设计", name: "沈亦伶" }],
    });
  });

  it("keeps a source whole", () => {
    expect(read("数据来源：国家统计局")).toEqual({ authors: [], credits: [{ role: "数据来源", name: "国家统计局" }] });
  });
});

describe("readTypesetByline: reporter lines", () => {
  it.each([
    ["本报记者\u00a0 朱\u00a0 磊", [{ name: "朱磊", role: "记者" }]],
    ["本报记者 杨明方 阿尔达克", [{ name: "杨明方", role: "记者" }, { name: "阿尔达克", role: "记者" }]],
    ["本报驻埃及记者 黄培昭", [{ name: "黄培昭", role: "记者" }]],
    ["新华社记者李学勇，解放军报记者王士彬", [{ name: "李学勇", role: "记者" }, { name: "王士彬", role: "记者" }]],
    ["本报记者 程 焕整理", [{ name: "程焕", role: "记者" }]],
    ["何鼎鼎  本报评论员", [{ name: "何鼎鼎", role: "评论员" }]],
    ["钟声", [{ name: "钟声", role: "评论员" }]],
    ["潘俊强 马双军整理", [{ name: "潘俊强", role: null }, { name: "马双军", role: null }]],
  ])("reads %s", (line, authors) => {
    expect(read(line)).toEqual({ authors, credits: [] });
  });

  it.each(["记者手记", "本报记者从国家电网获悉，今年……", "分类整理", "记者留言板"])("leaves %s alone", (line) => {
    expect(read(line, ITEM_END)).toBeNull();
  });
});

describe("readTypesetByline: parenthesised bylines and signatures", () => {
  it("reads a closing dateline with its reporters, and returns the dateline to keep in the text", () => {
    const reading = readTypesetByline("（本报北京、开罗电 记者邹志鹏、黄培昭）", MID_ITEM);
    expect(reading?.authors).toEqual([{ name: "邹志鹏", role: "记者" }, { name: "黄培昭", role: "记者" }]);
    expect(reading?.closingDateline).toMatchObject({ printed: "本报北京、开罗电", place: "北京、开罗" });
  });

  it("reads stated roles anywhere, but a bare name only where an item ends", () => {
    expect(read("（记者 王昊男）")).toEqual({ authors: [{ name: "王昊男", role: "记者" }], credits: [] });
    expect(read("（执笔：李红梅）")).toEqual({ authors: [{ name: "李红梅", role: "撰稿" }], credits: [] });
    expect(read("（李静）")).toBeNull();
    expect(read("（李静）", ITEM_END)).toEqual({ authors: [{ name: "李静", role: null }], credits: [] });
  });

  it("takes pen names only where an item ends, as the OCR reader does when asked", () => {
    expect(read("（暖相册）")).toBeNull();
    expect(read("（嘉 木）", ITEM_END)).toEqual({ authors: [{ name: "嘉木", role: null }], credits: [] });
  });

  it.each(["（作者为中央党校教授）", "（记者手记）", "（以下简称“专委会”）", "（美丽中国）", "(太原)"])("leaves %s alone mid-item", (line) => {
    expect(read(line)).toBeNull();
  });

  it("does not take notes on the author as signatures", () => {
    expect(read("（作者为中央党校教授）", ITEM_END)).toBeNull();
  });
});

describe("readTypesetByline: letters and mixed credits", () => {
  it("reads a letter's signature, place left out, only where the item ends", () => {
    expect(read("浙江桐乡市\u3000 姚孝平", ITEM_END)).toEqual({ authors: [{ name: "姚孝平", role: null }], credits: [] });
    expect(read("浙江桐乡市\u3000 姚孝平")).toBeNull();
  });

  it("reads text, picture and photo credits on one line", () => {
    expect(read("本报记者 田 泓文 计海新摄（影像中国）")).toEqual({
      authors: [{ name: "田泓", role: "记者" }, { name: "计海新", role: "摄影" }],
      credits: [{ role: "图片来源", name: "影像中国" }],
    });
    expect(read("曹 一图 于 石文")).toEqual({ authors: [{ name: "于石", role: "作者" }], credits: [{ role: "图", name: "曹一" }] });
  });
});

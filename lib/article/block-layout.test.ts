import { describe, expect, it } from "vitest";
import { readBlocks, toBlockLayout } from "./block-layout";
import { blocksToPlainText, type ArticleBlock } from "./types";

function roundTrip(blocks: ArticleBlock[]): ArticleBlock[] {
  const layout = JSON.parse(JSON.stringify(toBlockLayout(blocks))) as ReturnType<typeof toBlockLayout>;
  return readBlocks(blocksToPlainText(blocks), layout);
}

describe("block layout over the stored body", () => {
  it("gives back every kind of block, in order", () => {
    const blocks: ArticleBlock[] = [
      { kind: "paragraph", text: "本报北京1月5日电（记者 王某）今年春运，铁路部门……" },
      { kind: "subhead", text: "工业经济稳中有进" },
      { kind: "table", rows: [["地区", "增速"], ["北京", "6.1%"]] },
      { kind: "caption", text: "图为春运首日的北京西站。新华社记者 张三 摄" },
      { kind: "paragraph", text: "𠀀 characters beyond the BMP count as two units on both sides." },
    ];
    expect(roundTrip(blocks)).toEqual(blocks);
  });

  it("keeps boundaries that the body's separators alone would misplace", () => {
    const blocks: ArticleBlock[] = [
      { kind: "paragraph", text: "一段里\n有换行" },
      { kind: "table", rows: [["格内\t有制表符", ""], [], ["末行"]] },
      { kind: "table", rows: [] },
      { kind: "paragraph", text: "" },
    ];
    expect(roundTrip(blocks)).toEqual(blocks);
  });

  it("reads an article without blocks as one without blocks", () => {
    expect(roundTrip([])).toEqual([]);
  });

  it("falls back to the body's lines as paragraphs when the layout does not tile the body", () => {
    const body = "第一段\n第二段";
    const expected = [
      { kind: "paragraph", text: "第一段" },
      { kind: "paragraph", text: "第二段" },
    ];
    expect(readBlocks(body, [["paragraph", 2], ["subhead", 3]])).toEqual(expected);
    expect(readBlocks(body, [["paragraph", 40]])).toEqual(expected);
    expect(readBlocks(body, [["figure", 3] as never, ["paragraph", 3]])).toEqual(expected);
    expect(readBlocks(body, null)).toEqual(expected);
    expect(readBlocks("", undefined)).toEqual([]);
  });
});

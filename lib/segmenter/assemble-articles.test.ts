import { describe, expect, it } from "vitest";
import { assembleArticles, type LineDecision } from "./assemble-articles";
import type { LineLabel } from "./labels";
import { splitPageLines } from "./page-lines";

/**
 * The deterministic half of the segmenter: given each line's label, which items come out. The
 * labels here are written by hand, so these tests check the assembly rules alone.
 */

const CONTEXT = { source: "测试报", sourceFile: "p/001.txt", date: "2025-03-25", dateSource: "path" as const, page: 1 };

function assemble(...rows: [LineLabel, string][]) {
  const lines = splitPageLines(rows.map(([, text]) => text).join("\n\n"));
  const decisions: LineDecision[] = rows.map(([label]) => ({ label, margin: 8, boundaryMargin: 8, runnerUp: "para" }));
  return assembleArticles(lines, decisions, CONTEXT);
}

describe("assembleArticles", { timeout: 60_000 }, () => {
  it("groups headline lines, rejoins a cut sentence and takes a closing byline off the last sentence", () => {
    const page = assemble(
      ["kicker", "省政府新闻办发布会"],
      ["title", "全省小微贷款余额同比增长12%"],
      ["subtitle", "——系列报道之四"],
      ["start", "本报讯 工作机制更加顺畅，协调机"],
      ["cont", "制取得阶段性成效。（何宝国）"],
    );
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({
      kicker: "省政府新闻办发布会", title: "全省小微贷款余额同比增长12%", subtitle: "——系列报道之四", titleDerived: false,
      authors: [{ name: "何宝国", role: null }], dateline: "本报讯", source: "测试报", ordinal: 0, page: 1,
      blocks: [{ kind: "paragraph", text: "本报讯 工作机制更加顺畅，协调机制取得阶段性成效。" }],
    });
    expect(page.bylines).toEqual(["（何宝国）"]);
  });

  it("starts items at headlines and at `start`, reads bylines, pen names and the dateline's byline", () => {
    const page = assemble(
      ["title", "传递敬老心 温暖夕阳红"],
      ["penname", "（晓翁）"],
      ["start", "跟老人唠着家常，这是他过周末的一种方式。"],
      ["start", "本报北京2月21日电（记者 王昊男）国家主席习近平31日会见外宾。"],
      ["para", "会见后双方签署了文件。"],
      ["byline", "记者 侠克 熊争艳"],
    );
    expect(page.articles.map((article) => [article.titleDerived, article.authors])).toEqual([
      [false, [{ name: "晓翁", role: null }]],
      [true, [{ name: "王昊男", role: "记者" }, { name: "侠克", role: "记者" }, { name: "熊争艳", role: "记者" }]],
    ]);
    expect(page.articles[1]?.place).toBe("北京");
  });

  it("resumes an interrupted item, giving it the headline printed just before the resumed text", () => {
    const page = assemble(
      ["title", "山西新型工业化迈出坚实步伐"],
      ["start", "本报讯 焦化行业在全国率先关停4.3米焦炉，全省"],
      ["start", "本报讯 中小企业联系千家万户。“十四五”时期，"],
      ["resume", "机焦炉全部升级至5.5米及以上。"],
      ["byline", "(陈嘉欣)"],
      ["title", "多项措施推动中小企业专精特新发展"],
      ["resume", "已有超2500家企业享受该项政策。"],
    );
    expect(page.articles.map((article) => [article.title, article.blocks.map((block) => ("text" in block ? block.text : ""))])).toEqual([
      ["山西新型工业化迈出坚实步伐", ["本报讯 焦化行业在全国率先关停4.3米焦炉，全省机焦炉全部升级至5.5米及以上。"]],
      ["多项措施推动中小企业专精特新发展", ["本报讯 中小企业联系千家万户。“十四五”时期，已有超2500家企业享受该项政策。"]],
    ]);
    expect(page.lineItems).toEqual([0, 0, 1, 0, 0, 1, 1]);
  });

  it("reads photo items: a caption after a credit is the next photo's", () => {
    const page = assemble(
      ["caption", "新年第一天，工人们在工地上拼装网架。"],
      ["credit", "杨宗友摄影报道"],
      ["caption", "图为升国旗仪式现场。"],
      ["credit", "新华社记者 秦廷富 摄"],
      ["credit", "版式设计：蔡华伟"],
    );
    expect(page.articles.map((article) => [article.kind, article.authors, article.credits])).toEqual([
      ["photo", [{ name: "杨宗友", role: "摄影" }], []],
      ["photo", [{ name: "秦廷富", role: "摄影" }], [{ role: "版式设计", name: "蔡华伟" }]],
    ]);
  });

  it("keeps tables as rows, page furniture apart, and a column line alone as its own title", () => {
    const page = assemble(["other", "2020年2月14日 星期五"], ["title", "指标情况"], ["table", "县\t指数"], ["table", "甲县\t3.14"], ["column", "双拥共建"]);
    expect(page.articles.map((article) => [article.kind, article.title])).toEqual([
      ["remainder", "2020年2月14日 星期五"],
      ["table", "指标情况"],
      ["article", "双拥共建"],
    ]);
    expect(page.articles[1]?.blocks).toEqual([{ kind: "table", rows: [["县", "指数"], ["甲县", "3.14"]] }]);
  });

  it("signs a letter with its signer above the date line", () => {
    const page = assemble(["title", "致全县父老乡亲的公开信"], ["start", "全县父老乡亲："], ["para", "让我们携手共进。"], ["byline", "河北省妇女联合会"], ["signdate", "2020年1月5日"]);
    expect(page.articles[0]?.authors).toEqual([{ name: "河北省妇女联合会", role: null }]);
  });

  it("drops a unit the OCR repeated across a cut, and reports it", () => {
    const repeated = assemble(["title", "标题"], ["start", "本报讯 营收达1.75万亿元"], ["cont", "元，占全省一半。"]);
    expect(repeated.articles[0]?.blocks).toEqual([{ kind: "paragraph", text: "本报讯 营收达1.75万亿元，占全省一半。" }]);
    expect(repeated.droppedDuplicates).toEqual(["元"]);
    const word = assemble(["title", "标题"], ["start", "本报讯 每人发放1000元"], ["cont", "元旦慰问金。"]);
    expect(word.droppedDuplicates).toEqual([]);
  });

  it("rates each item from the margins of its lines", () => {
    const lines = splitPageLines("标题\n\n正文。");
    const sure = assembleArticles(lines, [{ label: "title", margin: 300, boundaryMargin: 300, runnerUp: "start" }, { label: "start", margin: 300, boundaryMargin: 300, runnerUp: "para" }], CONTEXT);
    const unsure = assembleArticles(lines, [{ label: "title", margin: 0.5, boundaryMargin: 0.5, runnerUp: "start" }, { label: "start", margin: 90, boundaryMargin: 90, runnerUp: "para" }], CONTEXT);
    expect(sure.confidence[0]!.boundary).toBeGreaterThan(0.95);
    expect(unsure.confidence[0]!.boundary).toBeLessThan(0.2);
    expect(unsure.confidence[0]!.weakest).toEqual({ line: 1, text: "标题", label: "title", runnerUp: "start" });
  });
});

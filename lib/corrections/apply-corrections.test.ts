import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/article/types";
import { applyCorrections, toSplitId } from "./apply-corrections";
import type { Correction, CorrectionPayload } from "./correction-input";
import { fingerprintArticle } from "./fingerprint";

function makeArticle(id: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return {
    id, kind: "article", source: "测试日报", sourceFile: "pages/001.txt", ordinal: 0, sourceKey: null, date: "2021-03-01", dateSource: "path",
    page: 1, column: null, kicker: null, title: `${id} 标题`, titleDerived: false, subtitle: null, authors: [{ name: "李静", role: "记者" }], credits: [],
    dateline: null, place: null, blocks: paragraphs.map((text) => ({ kind: "paragraph", text })), keywords: [], topics: [], ...extra,
  };
}

let seq = 0;
function makeCorrection(target: Article, payload: CorrectionPayload, extra: Partial<Correction> = {}): Correction {
  seq += 1;
  return { id: `c${seq}`, seq, articleId: target.id, fingerprint: fingerprintArticle(target), payload, createdBy: "t", createdAt: "", undoneBy: null, undoneAt: null, staleReason: null, ...extra };
}

const a = makeArticle("a", ["甲一。", "甲二。", "甲三。"]);
const b = makeArticle("b", ["乙一。"], { title: "乙的标题", authors: [{ name: "王五", role: "通讯员" }] });
const c = makeArticle("c", ["丙一。"]);

describe("applyCorrections", () => {
  it("changes only the fields named, and marks a librarian's date", () => {
    const fix = makeCorrection(a, { kind: "fields", changes: { authors: [{ name: "张三", role: "摄影" }], date: "2021-03-02" } });
    const [fixed] = applyCorrections([a], [fix]).articles;
    expect(fixed).toEqual({ ...a, authors: [{ name: "张三", role: "摄影" }], date: "2021-03-02", dateSource: "librarian" });
  });

  it("merges with the next article keeping every printed character, and refuses when the next one changed", () => {
    const merge = makeCorrection(a, { kind: "merge", nextId: "b", nextFingerprint: fingerprintArticle(b) });
    const outcome = applyCorrections([a, b, c], [merge]);
    expect(outcome.articles.map((article) => article.id)).toEqual(["a", "c"]);
    expect(outcome.articles[0]!.blocks.map((block) => ("text" in block ? block.text : ""))).toEqual(["甲一。", "甲二。", "甲三。", "乙的标题", "乙一。"]);
    expect(outcome.articles[0]!.authors).toEqual([a.authors[0], b.authors[0]]);
    const refused = applyCorrections([a, c], [merge]);
    expect(refused.articles).toEqual([a, c]);
    expect(refused.unfit[0]?.reason).toContain("不是更正时合并的文章");
  });

  it("merges bylines as every parser does: one entry per name and role, a bare name dropped when the same name has a role", () => {
    const first = makeArticle("m1", ["甲。"], { authors: [{ name: "李静", role: "记者" }], credits: [{ role: "版式设计", name: "蔡华伟" }] });
    const next = makeArticle("m2", ["乙。"], {
      authors: [{ name: "李静", role: null }, { name: "李静", role: "记者" }, { name: "王五", role: null }],
      credits: [{ role: "版式设计", name: "蔡华伟" }, { role: "制图", name: "蔡华伟" }],
    });
    const merge = makeCorrection(first, { kind: "merge", nextId: "m2", nextFingerprint: fingerprintArticle(next) });
    const [merged] = applyCorrections([first, next], [merge]).articles;
    expect(merged!.authors).toEqual([{ name: "李静", role: "记者" }, { name: "王五", role: null }]);
    expect(merged!.credits).toEqual([{ role: "版式设计", name: "蔡华伟" }, { role: "制图", name: "蔡华伟" }]);
  });

  it("splits at a paragraph into a second article with a stable id, and later corrections of that article apply after it", () => {
    const split = makeCorrection(a, { kind: "split", atBlock: 2, title: null });
    const [head, tail] = applyCorrections([a], [split]).articles;
    expect(head!.blocks).toHaveLength(2);
    expect(tail!.id).toBe(toSplitId("a", 2));
    expect(tail!.titleDerived).toBe(true);
    const retitle = makeCorrection(tail!, { kind: "fields", changes: { title: "第三段的标题" } });
    const replayed = applyCorrections([a], [retitle, split]);
    expect(replayed.articles[1]!.title).toBe("第三段的标题");
    expect(replayed.applied.map((correction) => correction.id)).toEqual([split.id, retitle.id]);
  });

  it("leaves out a correction whose article text changed, and one undone", () => {
    const retitle = makeCorrection(a, { kind: "fields", changes: { title: "新标题" } });
    const changed = { ...a, blocks: [{ kind: "paragraph" as const, text: "甲一改。" }] };
    const outcome = applyCorrections([changed], [retitle]);
    expect(outcome.articles).toEqual([changed]);
    expect(outcome.unfit.map((unfit) => unfit.correction.id)).toEqual([retitle.id]);
    expect(applyCorrections([a], [{ ...retitle, undoneAt: "2026-01-01" }]).articles).toEqual([a]);
  });

  it("finds an article by its text when its id changed (a page file edited elsewhere)", () => {
    const retitle = makeCorrection(a, { kind: "fields", changes: { title: "新标题" } });
    const moved = { ...a, id: "p-new-0" };
    expect(applyCorrections([moved], [retitle]).articles[0]!.title).toBe("新标题");
  });
});

import { describe, expect, it } from "vitest";
import type { ParsedArticle } from "@/lib/article/types";
import { finalizeArticle, hashFileText, makeArticleId } from "./finalize";

function parsed(overrides: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    kind: "article", source: "人民日报", sourceFile: "a/b.txt", ordinal: 0, sourceKey: null, date: "2019-02-21",
    dateSource: "path", page: 1, column: null, kicker: null, title: "标题", titleDerived: false, subtitle: null,
    authors: [], credits: [], dateline: null, place: null,
    blocks: [{ kind: "paragraph", text: "全省小微贷款余额同比增长，小微企业融资协调工作机制取得成效。" }],
    ...overrides,
  };
}

describe("article ids", () => {
  it("use the source's own key with a paper prefix, never doubled", () => {
    expect(makeArticleId(parsed({ sourceKey: "20190221-01-03" }), "h")).toBe("rmrb-20190221-01-03");
    expect(makeArticleId(parsed({ source: "新闻联播", sourceKey: "xwlb-VIDE1" }), "h")).toBe("xwlb-VIDE1");
  });

  it("replace characters Meilisearch refuses in ids", () => {
    expect(makeArticleId(parsed({ sourceKey: "a/b c" }), "h")).toMatch(/^rmrb-a_b_c$/);
  });

  it("depend on the file's text and the article's place, not on where the file lies", () => {
    const hash = hashFileText("同一页的文字");
    const a = makeArticleId(parsed({ sourceFile: "x/page.txt", ordinal: 2 }), hash);
    const b = makeArticleId(parsed({ sourceFile: "y/z/page.txt", ordinal: 2 }), hash);
    expect(a).toBe(b);
    expect(a).not.toBe(makeArticleId(parsed({ ordinal: 3 }), hash));
    expect(a).not.toBe(makeArticleId(parsed({ ordinal: 2 }), hashFileText("另一页")));
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  // The first call loads jieba's dictionaries (about a second, much longer on a busy machine).
  it("adds keywords and at least one topic", { timeout: 60_000 }, () => {
    const article = finalizeArticle(parsed(), hashFileText("x"));
    expect(article.keywords).toContain("小微");
    expect(article.topics.length).toBeGreaterThan(0);
  });
});

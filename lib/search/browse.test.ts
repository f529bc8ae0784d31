import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/article/types";
import { groupIntoIssues } from "./browse";

function article(id: string, source: string, page: number | null, sourceFile: string, ordinal = 0): Article {
  return {
    id, kind: "article", source, sourceFile, ordinal, sourceKey: null, date: "2019-02-21", dateSource: "path", page,
    column: null, kicker: null, title: id, titleDerived: false, subtitle: null, authors: [], credits: [],
    dateline: null, place: null, blocks: [], keywords: [], topics: [],
  };
}

describe("one day's issues", () => {
  it("groups by paper (in pinyin order) and page, in page order and in print order on the page", () => {
    const issues = groupIntoIssues([
      article("b-2", "海滨晚报", 2, "b/20190221-02-01.txt"),
      article("a-5", "江城日报", 5, "a/20190221-05-01.txt"),
      article("a-1-2", "江城日报", 1, "a/20190221-01-02.txt"),
      article("a-1-1", "江城日报", 1, "a/20190221-01-01.txt"),
      article("a-ocr-1", "江城日报", 3, "a/page3.txt", 1),
      article("a-ocr-0", "江城日报", 3, "a/page3.txt", 0),
    ]);
    expect(issues.map((issue) => [issue.source, issue.pages.map((page) => [page.page, page.articles.map((item) => item.id)])])).toEqual([
      ["海滨晚报", [[2, ["b-2"]]]],
      ["江城日报", [[1, ["a-1-1", "a-1-2"]], [3, ["a-ocr-0", "a-ocr-1"]], [5, ["a-5"]]]],
    ]);
  });
});

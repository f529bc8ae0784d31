import { describe, expect, it } from "vitest";
import type { ParsedArticle } from "@/lib/article/types";
import type { GeneratedPage } from "@/lib/segmenter/labels";
import { scoreGeneratedPages, type ParsePageDetailed } from "./eval-generated-pages";

/** Three printed items; the parser below reads the first right and merges the other two. */
const PAGE: GeneratedPage = {
  name: "unsigned-20200214-01.txt",
  family: "unsigned",
  text: "春运首日客流平稳。\n\n铁路部门加开列车。\n\n民航运力同步增加。",
  lines: [
    { text: "春运首日客流平稳。", label: "start", item: 0 },
    { text: "铁路部门加开列车。", label: "start", item: 1 },
    { text: "民航运力同步增加。", label: "start", item: 2 },
  ],
  items: [0, 1, 2].map(() => ({ kind: "article" as const, headlines: [], authors: [] })),
};

function toArticle(text: string, rating: number): ParsedArticle {
  return {
    kind: "article", source: "eval", sourceFile: PAGE.name, ordinal: 0, sourceKey: null, date: null, dateSource: null, page: null,
    column: null, kicker: null, title: text.slice(0, 4), titleDerived: true, subtitle: null, authors: [], credits: [], dateline: null, place: null,
    blocks: [{ kind: "paragraph", text }],
    segmentation: { boundary: rating, byline: 1, weakest: { line: 1, text: text.slice(0, 16), label: "start", runnerUp: "para" } },
  };
}

function parseWith(ratings: readonly [number, number]): ParsePageDetailed {
  return () => ({ articles: [toArticle("春运首日客流平稳。", ratings[0]), toArticle("铁路部门加开列车。\n民航运力同步增加。", ratings[1])], bylines: [null, null] });
}

describe("review-list figures on generated pages", () => {
  it("count the parsed items the review list would hold, and the wrong ones among them", () => {
    const doubtful = scoreGeneratedPages([PAGE], parseWith([0.95, 0.4])).find((row) => row.family === "all")!;
    expect(doubtful).toMatchObject({ parsed: 2, matchedParsed: 1, reviewListed: 1, reviewListedWrong: 1, reviewListedShare: 0.5, reviewCatches: 1 });
    const sureOfTheWrongOne = scoreGeneratedPages([PAGE], parseWith([0.4, 0.95])).find((row) => row.family === "all")!;
    expect(sureOfTheWrongOne).toMatchObject({ reviewListed: 1, reviewListedWrong: 0, reviewCatches: 0 });
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/article/types";
import { runIngest } from "./pipeline";
import { createReviewList, REVIEW_THRESHOLD } from "./review-list";

const FIXTURE_PAGES = path.resolve(__dirname, "../test/fixtures/ocr");

function makeArticle(id: string, boundary: number, byline: number): Article {
  return {
    id, kind: "article", source: "测试报", sourceFile: "pages/p1.txt", ordinal: 0, sourceKey: null, date: null, dateSource: null,
    page: null, column: null, kicker: null, title: `标题\t${id}`, titleDerived: false, subtitle: null, authors: [], credits: [],
    dateline: null, place: null, blocks: [], keywords: [], topics: [],
    segmentation: { boundary, byline, weakest: { line: 3, text: "甲", label: "title", runnerUp: "subhead" } },
  };
}

describe("createReviewList", () => {
  it("lists the items below the threshold, least sure first, and says why", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baoku-review-")), "review.tsv");
    const list = createReviewList();
    list.consider(makeArticle("sure", 0.99, 0.95));
    list.consider(makeArticle("shaky-byline", 0.9, 0.3));
    list.consider(makeArticle("shaky-boundary", 0.1, 0.9));
    list.consider({ ...makeArticle("per-article", 0, 0), segmentation: undefined });
    expect(list.write(file)).toEqual({ written: 2, rated: 3, file });
    const rows = fs.readFileSync(file, "utf8").trimEnd().split("\n").map((row) => row.split("\t"));
    expect(rows[0]).toEqual(["confidence", "file", "article", "ordinal", "title", "why"]);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[4], row[5]])).toEqual([
      ["0.100", "shaky-boundary", "标题 shaky-boundary", "boundary 0.1; line 3 “甲”: title, else subhead"],
      ["0.300", "shaky-byline", "标题 shaky-byline", "byline 0.3; line 3 “甲”: title, else subhead"],
    ]);
  });
});

describe("ingest --review-list (dry run)", { timeout: 120_000 }, () => {
  it("writes the least certain OCR-page articles of the run, each a parsed article", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-review-"));
    const out = path.join(dir, "articles.jsonl");
    const file = path.join(dir, "review.tsv");
    const summary = await runIngest({ inputs: [FIXTURE_PAGES], indexUid: "unused", client: null, outFile: out, reviewList: file });
    const ids = new Set(fs.readFileSync(out, "utf8").trimEnd().split("\n").map((line) => (JSON.parse(line) as Article).id));
    const rows = fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(1).map((row) => row.split("\t"));
    expect(summary.reviewed?.rated).toBeGreaterThan(0);
    expect(rows).toHaveLength(summary.reviewed?.written ?? -1);
    for (const row of rows) {
      expect(ids.has(row[2] ?? "")).toBe(true);
      expect(Number(row[0])).toBeLessThan(REVIEW_THRESHOLD);
    }
    const confidences = rows.map((row) => Number(row[0]));
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
  });
});

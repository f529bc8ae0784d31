import { describe, expect, it } from "vitest";
import type { GeneratedPage, LabelledLine } from "@/lib/segmenter/labels";
import { countBoundaryErrors, createBoundaryErrors, listLargest, sumCounts } from "./eval-boundaries";

const line = (text: string, label: LabelledLine["label"], item: number | null): LabelledLine => ({ text, label, item });

/** Two printed items and a folio: 标题甲 / 正文甲 / 小标题 / 正文甲二 / 正文乙 (headline-less) / 第4版. */
const PAGE: GeneratedPage = {
  name: "test-page.txt",
  family: "unsigned",
  text: "",
  lines: [
    line("标题甲", "title", 0),
    line("正文甲。", "start", 0),
    line("小标题", "subhead", 0),
    line("正文甲二。", "para", 0),
    line("正文乙。", "start", 1),
    line("第4版", "other", null),
  ],
  items: [],
};

describe("countBoundaryErrors", () => {
  it("finds nothing wrong in a right reading", () => {
    const errors = countBoundaryErrors(PAGE, { lineItems: [0, 0, 0, 0, 1, 2], labels: ["title", "start", "subhead", "para", "start", "other"] }, createBoundaryErrors());
    expect(errors.printed).toBe(1);
    expect(errors.missed.size).toBe(0);
    expect(errors.invented.size).toBe(0);
  });

  it("names a swallowed start and an invented one by the printed labels and the label read", () => {
    // The subhead read as a new item's title; the headline-less item read as a paragraph of it.
    const errors = countBoundaryErrors(PAGE, { lineItems: [0, 0, 1, 1, 1, 2], labels: ["title", "start", "title", "start", "para", "other"] }, createBoundaryErrors());
    expect([...errors.invented]).toEqual([["start → subhead, read title", 1]]);
    expect([...errors.missed]).toEqual([["para → start, read para", 1]]);
  });

  it("adds pages up and lists the largest kinds first", () => {
    const errors = createBoundaryErrors();
    const swallowed = { lineItems: [0, 0, 0, 0, 0, 1], labels: ["title", "start", "subhead", "para", "para", "other"] } as const;
    countBoundaryErrors(PAGE, swallowed, errors);
    countBoundaryErrors(PAGE, swallowed, errors);
    countBoundaryErrors(PAGE, { lineItems: [0, 0, 1, 1, 2, 3], labels: ["title", "start", "title", "start", "start", "other"] }, errors);
    expect(errors.printed).toBe(3);
    expect(listLargest(errors.missed, 5)).toEqual([["para → start, read para", 2]]);
    expect(listLargest(errors.invented, 5)).toEqual([["start → subhead, read title", 1]]);
    expect([sumCounts(errors.missed), sumCounts(errors.invented)]).toEqual([2, 1]);
  });

  it("refuses a reading of another length", () => {
    expect(() => countBoundaryErrors(PAGE, { lineItems: [0], labels: ["title"] }, createBoundaryErrors())).toThrow(/test-page\.txt/u);
  });
});

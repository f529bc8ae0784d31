import fs from "node:fs";
import path from "node:path";
import { Converter } from "opencc-js";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYOUT_FAMILIES, type GeneratedPage, type LabelledLine, type LayoutFamily } from "@/lib/segmenter/labels";
import { DEFAULT_DATA_ROOT, loadCorpus } from "./corpus";
import { generatePages } from "./generate-pages";
import { findSplitOfDate, PAGE_SPLITS } from "./splits";

const PAGES_PER_FAMILY = 12;
const SEED = 20250601;
const hasData = fs.existsSync(path.join(DEFAULT_DATA_ROOT, "rmrb")) && fs.existsSync(path.join(DEFAULT_DATA_ROOT, "xwlb", "xwlb.jsonl.gz"));
const toSimplified = Converter({ from: "tw", to: "cn" });
const toTraditional = Converter({ from: "cn", to: "tw" });

function nonBlankLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function linesOf(page: GeneratedPage, item: number): LabelledLine[] {
  return page.lines.filter((line) => line.item === item);
}

describe.skipIf(!hasData)(`generatePages on the shared corpus (${DEFAULT_DATA_ROOT}; skipped when ../shared/data is absent)`, () => {
  let pages: GeneratedPage[] = [];
  const ofFamily = (family: LayoutFamily) => pages.filter((page) => page.family === family);

  beforeAll(() => {
    pages = generatePages({ split: "dev", pagesPerFamily: PAGES_PER_FAMILY, seed: SEED });
  }, 120_000);

  it("prints every family, 3–8 items a page, page names unique", () => {
    for (const family of LAYOUT_FAMILIES) expect(ofFamily(family)).toHaveLength(PAGES_PER_FAMILY);
    for (const page of pages) expect(page.items.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(8);
    expect(new Set(pages.map((page) => page.name)).size).toBe(pages.length);
  });

  it("labels exactly the non-blank lines of the text, trimmed, in order", () => {
    for (const page of pages) expect(page.lines.map((line) => line.text), page.name).toEqual(nonBlankLines(page.text));
  });

  it("gives every item at least one line and only page furniture no item", () => {
    for (const page of pages) {
      page.items.forEach((_, index) => expect(linesOf(page, index).length, `${page.name} item ${index}`).toBeGreaterThan(0));
      for (const line of page.lines) {
        if (line.label === "other") expect(line.item).toBeNull();
        else expect(line.item !== null && line.item >= 0 && line.item < page.items.length, `${page.name}: ${line.text}`).toBe(true);
      }
    }
  });

  it("lists as headlines exactly the item's column, kicker, title and subtitle lines", () => {
    for (const page of pages) {
      page.items.forEach((item, index) => {
        const printed = linesOf(page, index).filter((line) => ["column", "kicker", "title", "subtitle"].includes(line.label));
        expect(item.headlines).toEqual(printed.map((line) => line.text));
      });
    }
  });

  it("expects only authors whose names the item prints (a column cut may split a name)", () => {
    for (const page of pages) {
      page.items.forEach((item, index) => {
        const text = linesOf(page, index).map((line) => line.text.replace(/\s+/gu, "")).join("");
        for (const author of item.authors) expect(text, `${page.name} item ${index}`).toContain(author.name);
      });
    }
  });

  it("is deterministic: the same seed gives the same pages, whichever families are asked with it", () => {
    const again = generatePages({ split: "dev", families: ["interleaved", "tables"], pagesPerFamily: PAGES_PER_FAMILY, seed: SEED });
    expect(again).toEqual([...ofFamily("interleaved"), ...ofFamily("tables")]);
    const other = generatePages({ split: "dev", families: ["tables"], pagesPerFamily: PAGES_PER_FAMILY, seed: SEED + 1 });
    expect(other).not.toEqual(ofFamily("tables"));
  });

  it("byline-end: every item is signed, on a byline line or after its last sentence", () => {
    for (const page of ofFamily("byline-end")) {
      page.items.forEach((item, index) => {
        const lines = linesOf(page, index);
        // A byline glued after the last sentence may itself be cut by a column end.
        const ending = lines.slice(-3).map((line) => line.text.replace(/\s+/gu, "")).join("");
        expect(item.authors.length).toBeGreaterThan(0);
        expect(lines.at(-1)?.label === "byline" || item.authors.every((author) => ending.includes(author.name)), `${page.name} item ${index}`).toBe(true);
      });
    }
  });

  it("dateline-start: bylines ride on the dateline or under the headline, never at the end", () => {
    const lines = ofFamily("dateline-start").flatMap((page) => page.lines);
    expect(lines.some((line) => line.label === "byline")).toBe(false);
    expect(lines.some((line) => line.label === "start" && /^(?:本报|新华社)\p{Script=Han}{0,8}\d{1,2}月\d{1,2}日电\s?[（(]/u.test(line.text))).toBe(true);
    expect(lines.some((line) => line.label === "start" && /^本报讯/u.test(line.text))).toBe(true);
    expect(lines.some((line) => line.label === "subhead")).toBe(true);
  });

  it("agency: datelines of 新华社 or 本台, no signatures", () => {
    const lines = ofFamily("agency").flatMap((page) => page.lines);
    expect(lines.some((line) => line.label === "byline")).toBe(false);
    expect(lines.some((line) => line.label === "start" && /^新华社\p{Script=Han}{1,8}\d{1,2}月\d{1,2}日电/u.test(line.text))).toBe(true);
    expect(lines.some((line) => line.label === "start" && /^本台消息/u.test(line.text))).toBe(true);
  });

  it("penname-under-headline: a bracketed pen name right after each item's headline lines", () => {
    for (const page of ofFamily("penname-under-headline")) {
      page.items.forEach((item, index) => {
        const lines = linesOf(page, index);
        const penname = lines.findIndex((line) => line.label === "penname");
        expect(penname, `${page.name} item ${index}`).toBeGreaterThan(0);
        expect(lines[penname - 1]?.label).toMatch(/^(?:title|subtitle|kicker)$/u);
        expect(lines[penname]?.text).toMatch(/^[（(]\p{Script=Han}{2,4}[）)]$/u);
        expect(item.authors).toEqual([{ name: lines[penname]?.text.slice(1, -1), role: null }]);
      });
    }
  });

  it("traditional-older: the text is Traditional and uses 、 far more than ，", () => {
    for (const page of ofFamily("traditional-older")) {
      const han = [...page.text].filter((char) => /\p{Script=Han}/u.test(char));
      const simplifiedOnly = han.filter((char) => toTraditional(char) !== char && toSimplified(char) === char);
      expect(simplifiedOnly.length / han.length, page.name).toBeLessThan(0.01);
      expect(han.some((char) => toSimplified(char) !== char), page.name).toBe(true);
      expect(page.text.split("、").length, page.name).toBeGreaterThan(page.text.split(/[，,]/u).length);
      expect(page.text).not.toContain("本報訊");
    }
  });

  it("unsigned: no bylines at all, and some items start without a headline", () => {
    const family = ofFamily("unsigned");
    for (const page of family) {
      expect(page.items.every((item) => item.authors.length === 0)).toBe(true);
      expect(page.lines.some((line) => ["byline", "penname", "credit"].includes(line.label))).toBe(false);
    }
    const headless = family.some((page) => page.items.some((_, index) => linesOf(page, index)[0]?.label === "start"));
    expect(headless).toBe(true);
  });

  it("photo-caption: photo items are captions and a credit, with their photographers", () => {
    for (const page of ofFamily("photo-caption")) {
      const photos = page.items.map((item, index) => ({ item, index })).filter(({ item }) => item.kind === "photo");
      expect(photos.length, page.name).toBeGreaterThan(0);
      for (const { item, index } of photos) {
        const labels = linesOf(page, index).map((line) => line.label);
        expect(labels.at(-1)).toBe("credit");
        expect(labels.filter((label) => label === "caption").length).toBeGreaterThanOrEqual(1);
        expect(item.authors.every((author) => author.role === "摄影")).toBe(true);
      }
    }
  });

  it("tables: each page has a table item whose rows are tab-separated", () => {
    for (const page of ofFamily("tables")) {
      const tables = page.items.map((item, index) => ({ item, index })).filter(({ item }) => item.kind === "table");
      expect(tables.length, page.name).toBeGreaterThan(0);
      for (const { index } of tables) expect(linesOf(page, index).filter((line) => line.label === "table" && line.text.includes("\t")).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("letters-speeches: letters close with a date line, signed ones with the signature right before it", () => {
    for (const page of ofFamily("letters-speeches")) {
      const dated = page.items.map((_, index) => linesOf(page, index)).filter((lines) => lines.at(-1)?.label === "signdate");
      expect(dated.length, page.name).toBeGreaterThan(0);
      for (const lines of dated) expect(lines.at(-1)?.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/u);
    }
    const signed = ofFamily("letters-speeches").flatMap((page) => page.items.map((_, index) => linesOf(page, index))).filter((lines) => lines.at(-2)?.label === "byline" && lines.at(-1)?.label === "signdate");
    expect(signed.length).toBeGreaterThan(0);
  });

  it("series-columns: column lines above headlines and series lines under them", () => {
    const lines = ofFamily("series-columns").flatMap((page) => page.lines);
    expect(lines.filter((line) => line.label === "column").length).toBeGreaterThan(PAGES_PER_FAMILY);
    expect(lines.some((line) => line.label === "subtitle" && /^——.*系列报道之/u.test(line.text))).toBe(true);
  });

  it("interleaved: an item is cut by another's block and resumes later", () => {
    for (const page of ofFamily("interleaved")) {
      const resumes = page.lines.map((line, at) => ({ line, at })).filter(({ line }) => line.label === "resume");
      expect(resumes.length, page.name).toBeGreaterThan(0);
      for (const { line, at } of resumes) {
        // B's headline may be printed again just before B resumes; what counts is the last line of its text.
        const earlier = page.lines.slice(0, at);
        const lastOwn = earlier.findLastIndex((other) => other.item === line.item && !["column", "kicker", "title", "subtitle", "penname"].includes(other.label));
        expect(lastOwn, page.name).toBeGreaterThanOrEqual(0);
        expect(earlier.slice(lastOwn + 1).some((other) => other.item !== line.item), page.name).toBe(true);
      }
    }
  });

  it("uses only its split's dates: page issue dates belong to the split", () => {
    for (const split of PAGE_SPLITS) {
      for (const page of generatePages({ split, families: ["byline-end", "agency"], pagesPerFamily: 6, seed: SEED })) {
        const compact = /-(\d{8})-\d{3}\.txt$/u.exec(page.name)?.[1] ?? "";
        const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
        expect([findSplitOfDate(date, "rmrb"), findSplitOfDate(date, "xwlb")], page.name).toContain(split);
      }
    }
  }, 120_000);

  it("never mixes months or years between splits: each split's corpus holds only its own sources", () => {
    const seen = new Map<string, string>();
    for (const split of PAGE_SPLITS) {
      const corpus = loadCorpus(split);
      for (const source of corpus.rmrb) expect(findSplitOfDate(source.date, "rmrb"), source.key).toBe(split);
      for (const source of corpus.xwlb) expect(findSplitOfDate(source.date, "xwlb"), source.key).toBe(split);
      for (const source of [...corpus.rmrb, ...corpus.xwlb]) {
        expect(seen.get(source.key), source.key).toBeUndefined();
        seen.set(source.key, split);
      }
    }
  }, 120_000);

  it("reads several splits as one corpus (the shipped model's training and dev months): exactly their sources, never a test month", () => {
    const train = loadCorpus("train");
    const dev = loadCorpus("dev");
    const both = loadCorpus(["train", "dev"]);
    expect(both.splits).toEqual(["train", "dev"]);
    expect(both.rmrb.map((source) => source.key)).toEqual([...train.rmrb, ...dev.rmrb].map((source) => source.key));
    expect(both.xwlb.map((source) => source.key)).toEqual([...train.xwlb, ...dev.xwlb].map((source) => source.key));
    expect(new Set(both.reporterNames)).toEqual(new Set([...train.reporterNames, ...dev.reporterNames]));
    const dates = generatePages({ split: ["train", "dev"], families: ["byline-end", "agency", "dateline-start"], pagesPerFamily: 12, seed: SEED }).map((page) => /-(\d{8})-\d{3}\.txt$/u.exec(page.name)?.[1] ?? "");
    const splitsOf = dates.map((compact) => {
      const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
      return findSplitOfDate(date, "rmrb") ?? findSplitOfDate(date, "xwlb");
    });
    expect(splitsOf).not.toContain("test");
    expect(splitsOf).not.toContain(null);
    expect(new Set(splitsOf)).toEqual(new Set(["train", "dev"]));
  }, 120_000);
});

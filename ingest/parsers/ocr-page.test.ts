import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParsedArticle } from "@/lib/article/types";
import {
  evaluateOcrPages,
  findArticleMatches,
  loadPageCases,
  normalizeForCompare,
  toExpectedAuthors,
  toPageContext,
  type ExpectedArticle,
  type PageCase,
} from "../eval-parse-pages";
import { parseOcrPage, parseOcrPageDetailed, textOfParsed, type OcrPageContext } from "./ocr-page";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The shared material sits beside the checkout: /work/main → /work/shared. */
const SHARED_PAGES = path.resolve(here, "../../../shared/data/pages");
const FIXTURE_PAGES = path.resolve(here, "../../test/fixtures/ocr");

/**
 * Articles read exactly by the shipped model (the target is all of them): 15 of the 17
 * on the real pages — missed: the interleaved pair of page 002 — and 8 of the 12 fixture
 * articles — missed: the interleaved pair, 春耕正当时 (long feature) and 老街焕新颜 (mixed items).
 */
const SEED_FLOOR = 15;
const FIXTURE_FLOOR = 8;

const CONTEXT: OcrPageContext = { source: "测试报", sourceFile: "p/001.txt", date: "2025-03-25", dateSource: "path", page: 1 };

/** Blank lines between printed lines, as the OCR delivers them. */
function toPage(...lines: string[]): string {
  return lines.join("\n\n");
}

function headlineLinesOf(article: ParsedArticle): string[] {
  const fields = [article.kicker, article.titleDerived ? null : article.title, article.subtitle];
  return fields.flatMap((field) => (field ? field.split("\n").map(normalizeForCompare) : []));
}

/** Characters (after NFKC, whitespace ignored) one text has more of than the other. */
function diffCharCounts(page: string, produced: string): { missing: string; extra: string } {
  const counts = new Map<string, number>();
  for (const char of normalizeForCompare(page)) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const char of normalizeForCompare(produced)) counts.set(char, (counts.get(char) ?? 0) - 1);
  let missing = "";
  let extra = "";
  for (const [char, count] of counts) {
    if (count > 0) missing += char.repeat(count);
    if (count < 0) extra += char.repeat(-count);
  }
  return { missing, extra };
}

function describeArticle(expected: ExpectedArticle, index: number): string {
  const label = expected.headlines[0] ?? expected.bodyStartsWith ?? expected.bodyContains?.[0] ?? "";
  return `article ${index}: ${label}`;
}

/** Whether a labelled article is read exactly: one item holds it, with its headlines, title, authors and kind. */
function isReadExactly(expected: ExpectedArticle, articles: readonly ParsedArticle[]): boolean {
  const matches = findArticleMatches(expected, articles);
  if (matches.length !== 1) return false;
  const article = matches[0]!;
  const headlines = headlineLinesOf(article);
  if (!expected.headlines.every((headline) => headlines.includes(normalizeForCompare(headline)))) return false;
  if (expected.titleContains !== undefined && !normalizeForCompare(article.title).includes(normalizeForCompare(expected.titleContains))) return false;
  if (expected.kind && article.kind !== expected.kind) return false;
  return JSON.stringify(article.authors) === JSON.stringify(toExpectedAuthors(expected));
}

/**
 * The checks every labelled page gets: nothing lost or doubled, items in reading order, and at
 * least `floor` of its articles read exactly (what the shipped model reads today; the missed
 * ones are listed in the failure message, and eval:parse prints them).
 */
function describeLabelledPages(cases: readonly PageCase[], floor: number): void {
  for (const pageCase of cases) {
    describe(pageCase.expected.page, () => {
      const result = parseOcrPageDetailed(pageCase.text, toPageContext(pageCase.file));

      it("accounts for every character of the page exactly once", () => {
        const produced = result.articles.map((article, i) => textOfParsed(article, result.bylines[i] ?? null));
        produced.push(result.droppedDuplicates.join(""));
        expect(diffCharCounts(pageCase.text, produced.join("\n"))).toEqual({ missing: "", extra: "" });
      });

      it("numbers items in reading order and rates each", () => {
        expect(result.articles.map((article) => article.ordinal)).toEqual(result.articles.map((_, i) => i));
        for (const article of result.articles) expect(article.segmentation?.boundary).toBeGreaterThanOrEqual(0);
      });
    });
  }

  it(`reads at least ${floor} of the labelled articles exactly`, () => {
    const missed: string[] = [];
    let exact = 0;
    for (const pageCase of cases) {
      const articles = parseOcrPage(pageCase.text, toPageContext(pageCase.file));
      pageCase.expected.articles.forEach((expected, index) => {
        if (isReadExactly(expected, articles)) exact++;
        else missed.push(`${pageCase.expected.page} ${describeArticle(expected, index)}`);
      });
    }
    expect(exact, `missed: ${missed.join("; ")}`).toBeGreaterThanOrEqual(floor);
  });
}

describe("parseOcrPage on hand-labelled fixture pages (test/fixtures/ocr)", () => {
  const cases = loadPageCases(FIXTURE_PAGES);
  it("finds the fixtures", () => expect(cases.length).toBeGreaterThanOrEqual(2));
  describeLabelledPages(cases, FIXTURE_FLOOR);
});

describe.skipIf(!existsSync(SHARED_PAGES))(
  `parseOcrPage on the real OCR pages — needs ${SHARED_PAGES} (skipped when the shared data is absent)`,
  () => {
    const cases = loadPageCases(SHARED_PAGES);
    it("finds both labelled pages", () => expect(cases).toHaveLength(2));
    describeLabelledPages(cases, SEED_FLOOR);
  },
);

/**
 * Behaviours of the trained segmenter on short realistic pages. The labels → items rules are
 * tested with hand-written labels in lib/segmenter/assemble-articles.test.ts; boundaries on
 * many layouts are measured by `npm run eval:parse` on months not used in training.
 */
describe("parseOcrPage", { timeout: 60_000 }, () => {
  it("carries the context and numbers items", () => {
    const [article] = parseOcrPage(toPage("标题", "本报讯 正文一句。(张三)"), CONTEXT);
    expect(article).toMatchObject({
      kind: "article", source: "测试报", sourceFile: "p/001.txt", ordinal: 0, sourceKey: null, date: "2025-03-25",
      dateSource: "path", page: 1, column: null, title: "标题", titleDerived: false, credits: [],
      dateline: "本报讯", place: null,
    });
  });

  it("rejoins a paragraph cut mid-sentence and takes the byline off its end", () => {
    const result = parseOcrPageDetailed(toPage("标题", "本报讯 工作机制更加顺畅，协调机", "制取得阶段性成效。（何宝国）"), CONTEXT);
    expect(result.articles[0]?.blocks).toEqual([{ kind: "paragraph", text: "本报讯 工作机制更加顺畅，协调机制取得阶段性成效。" }]);
    expect(result.bylines).toEqual(["（何宝国）"]);
  });

  it("does not take the headline of a signed article after a table item for a section head", () => {
    const articles = parseOcrPage("各区降水量\n\n区\t毫米\n东城区\t12\n\n数据由市气象台提供。\n\n喜报送进家门 军属共享荣光\n\n乙的正文。\n\n(王五)\n", CONTEXT);
    expect(articles.map((article) => [article.title, article.blocks.map((block) => block.kind)])).toEqual([
      ["各区降水量", ["table", "paragraph"]],
      ["喜报送进家门 军属共享荣光", ["paragraph"]],
    ]);
  });

  it("reads headline lines with commas that a dash joins to the headline", () => {
    const series = parseOcrPage(toPage("从武汉到金奈，汇聚中印关系发展正能量", "——写在两国领导人会晤之际", "正文。(王五)"), CONTEXT);
    expect(series[0]).toMatchObject({ title: "从武汉到金奈，汇聚中印关系发展正能量", subtitle: "——写在两国领导人会晤之际" });
    const subtitle = parseOcrPage(toPage("深入生活 扎根人民", "——各地坚持以人民为中心，精品力作不断涌现", "正文。(王五)"), CONTEXT);
    expect(subtitle[0]).toMatchObject({ title: "深入生活 扎根人民", subtitle: "——各地坚持以人民为中心，精品力作不断涌现" });
    const kicker = parseOcrPage(toPage("一名援鄂护士的日记——", "勇挑重担，我已经做好准备", "正文。(王五)"), CONTEXT);
    expect(kicker[0]).toMatchObject({ kicker: "一名援鄂护士的日记——", title: "勇挑重担，我已经做好准备" });
  });

  it("derives a title from the main clause when there is no headline", () => {
    const [article] = parseOcrPage(toPage("本报讯 为深化改革，近日，第十二届“学创杯”大赛即日启动。"), CONTEXT);
    expect(article).toMatchObject({ title: "第十二届“学创杯”大赛即日启动", titleDerived: true, dateline: "本报讯" });
  });

  it("never reads a line that opens with a dateline as more of the item before it, even right after a cut sentence", () => {
    const page = toPage(
      "市场监管总局部署春节前食品安全检查",
      "本报讯 市场监管总局近日召开专题会议，要求各地在春节前组织开展食品安全专项检查，重点检查大型超市、农贸市场和",
      "本报讯 今年以来，我市持续推进老旧小区改造，已完成改造项目四十余个，惠及居民一万二千余户。改造中，各区坚持问需",
      "网络订餐平台，严防过期变质食品流入市场。会议强调，要压实企业主体责任，畅通投诉举报渠道。（李明）",
      "老旧小区改造让居民住得更舒心",
      "于民，先后加装电梯六十余部，新建停车位两千多个，增设充电桩三百余个。",
      "家住东城区的王女士说：“小区变美了，出行也方便了，我们打心眼里高兴。”（张华）",
    );
    const opening = parseOcrPage(page, CONTEXT).map((article) => textOfParsed(article).replace(/\s/gu, ""));
    expect(opening.some((text) => text.startsWith("本报讯今年以来"))).toBe(true);
    expect(opening.some((text) => text.includes("农贸市场和本报讯"))).toBe(false);
  });

  it("reads the byline printed right after the dateline", () => {
    const [article] = parseOcrPage(toPage("标题", "本报讯（记者 张三 通讯员 李四）近日，正文。(王五)"), CONTEXT);
    expect(article?.authors).toEqual([
      { name: "张三", role: "记者" },
      { name: "李四", role: "通讯员" },
      { name: "王五", role: null },
    ]);
  });

  it("takes a pen name as the byline where it ends the article: before a headline or at the page end", () => {
    const result = parseOcrPageDetailed(
      toPage("甲标题", "本报讯 甲的正文。", "倡导新风气。（羽生）", "乙标题", "本报讯 乙的正文。", "（实思）"),
      CONTEXT,
    );
    expect(result.articles.map((article) => [article.title, article.authors])).toEqual([
      ["甲标题", [{ name: "羽生", role: null }]],
      ["乙标题", [{ name: "实思", role: null }]],
    ]);
    expect(result.bylines).toEqual(["（羽生）", "（实思）"]);
  });

  it("derives a title past the dateline and its byline", () => {
    const [article] = parseOcrPage(toPage("本报讯（记者 张三）近日，市图书馆延长开放时间。"), CONTEXT);
    expect(article?.title).toBe("市图书馆延长开放时间");
  });

  it("reads a line with an unclosed bracket as cut, not as a headline", () => {
    const articles = parseOcrPage(
      toPage("甲标题", "甲的正文。", "（本报北京、开罗、新德里、加德满", "都、莫斯科10月15日电）", "（于景浩、周輖）", "乙标题", "本报讯 乙的正文。"),
      CONTEXT,
    );
    expect(articles.map((article) => [article.title, article.blocks.length, article.authors.length])).toEqual([
      ["甲标题", 2, 2],
      ["乙标题", 1, 0],
    ]);
    expect(articles[0]?.blocks[1]).toEqual({ kind: "paragraph", text: "（本报北京、开罗、新德里、加德满都、莫斯科10月15日电）" });
  });

  it("reads a place from a dated dateline", () => {
    const [article] = parseOcrPage(toPage("标题", "本报北京2月21日电 正文。"), CONTEXT);
    expect(article).toMatchObject({ dateline: "本报北京2月21日电", place: "北京" });
  });

  it("drops a unit repeated across a break only where the doubled unit cannot be read", () => {
    const repeated = parseOcrPageDetailed(toPage("标题", "本报讯 营收达1.75万亿元", "元，占全省一半。"), CONTEXT);
    expect(repeated.articles[0]?.blocks[0]).toEqual({ kind: "paragraph", text: "本报讯 营收达1.75万亿元，占全省一半。" });
    expect(repeated.droppedDuplicates).toEqual(["元"]);
    const word = parseOcrPageDetailed(toPage("标题", "本报讯 每人发放1000元", "元旦慰问金。"), CONTEXT);
    expect(word.articles[0]?.blocks[0]).toEqual({ kind: "paragraph", text: "本报讯 每人发放1000元元旦慰问金。" });
    expect(word.droppedDuplicates).toEqual([]);
  });

  it("keeps tab-separated lines as one table", () => {
    const [item] = parseOcrPage("指标情况\n\n说明如下。\n\n县\t指数\n甲县\t3.14\n乙县\t3.2\n", CONTEXT);
    expect(item?.kind).toBe("table");
    expect(item?.blocks[1]).toEqual({ kind: "table", rows: [["县", "指数"], ["甲县", "3.14"], ["乙县", "3.2"]] });
  });

  it("does not take a parenthesised note for a byline", () => {
    const [article] = parseOcrPage(toPage("标题", "本报讯 专业委员会(以下简称“专委会”)成立。", "后文。"), CONTEXT);
    expect(article?.authors).toEqual([]);
    expect(article?.blocks).toHaveLength(2);
  });

  it("handles CRLF line ends", () => {
    const articles = parseOcrPage("标题\r\n\r\n本报讯 正文。(张三)\r\n", CONTEXT);
    expect(articles.map((article) => [article.title, article.authors])).toEqual([["标题", [{ name: "张三", role: null }]]]);
  });

  it("returns nothing for a blank page", () => {
    expect(parseOcrPage(" \n\n \n", CONTEXT)).toEqual([]);
  });
});

describe("parseOcrPage on generated pages", () => {
  const pieces = [
    "聚焦银龄需求 优化为老服务", "——系列报道之四", "工业经济稳中有进", "双拥共建", "(2025.3.17—2025.3.23)",
    "本报讯 11月14日，省政府新闻办举行发布会。", "本报讯 中小企业联系千家万户，", "本报北京2月21日电 （记者王昊男）正文。",
    "全省小微贷款余额同比增长12%，达1.28万亿元。", "焦化行业在全国率先关停4.3米焦炉，全省", "机焦炉全部升级至5.5米及以上。",
    "营收达1.75万亿元", "元，占全省规上工业营收总量的54.2%。", "“十四五”时期，", "已有超2500家企业享受该项政策。",
    "(陈嘉欣)", "（赵静茹、邢雪丽）", "李学军 杨晓勇 摄影报道", "…充满憧憬。见习记者 孙佳敏 通讯员 孟涛 文/摄",
    "助力企业提升竞争力。(李静)", "(以下简称“专委会”)成立。", "县\t指数\n甲县\t3.14", "乙县\t3.2",
  ];

  it("never loses or duplicates a character, whatever the order of lines", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom("\n", "\n\n", "\r\n\r\n"), (lines, gap) => {
        const page = lines.join(gap);
        const result = parseOcrPageDetailed(page, CONTEXT);
        const produced = result.articles.map((article, i) => textOfParsed(article, result.bylines[i] ?? null));
        produced.push(result.droppedDuplicates.join(""));
        expect(diffCharCounts(page, produced.join("\n"))).toEqual({ missing: "", extra: "" });
        expect(result.articles.every((article, i) => article.ordinal === i && article.title.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

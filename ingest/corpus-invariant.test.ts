import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { blocksToPlainText, type ParsedArticle } from "@/lib/article/types";
import { matchDateline } from "@/lib/byline/dateline";
import { LAYOUT_FAMILIES } from "@/lib/segmenter/labels";
import { normalizeForCompare } from "./eval-parse-pages";
import { listTextFiles } from "./list-text-files";
import { generatePages } from "./page-gen";
import { parseOcrPageDetailed, textOfParsed } from "./parsers/ocr-page";
import { readJsonlFeed, type FeedItem } from "./parsers/jsonl-feed";
import { parseRmrbArticle } from "./parsers/rmrb-article";
import { looksLikePerArticleFile } from "./read-source";

/**
 * Nothing lost, nothing doubled, on every file of the shared corpus (../shared/data):
 *
 * - OCR pages: the two real pages are checked character for character by the parser's own test
 *   (ocr-page.test.ts, "accounts for every character of the page exactly once"); here the same
 *   check runs on the generated pages of every layout family (ingest/page-gen), built from the
 *   test split's rmrb and xwlb sources.
 * - rmrb files: one article per file. By design the parser keeps the printed text (kicker, title,
 *   column tag, subtitle, paragraphs with their datelines) and turns byline text into authors and
 *   credits, dropping only the byline's own words (本报记者, 摄, 版式设计：, punctuation). So, as
 *   multisets of characters after NFKC without whitespace: the record holds nothing the file does
 *   not (nothing invented or doubled), and what the file has beyond the record lies within byline
 *   text: a short line naming an author or credit, the parenthesis after a dateline, or the
 *   brackets of the headline's column tag.
 * - xwlb feed: every record's title and body come through unchanged (whitespace aside), and every
 *   author is a name the record gives.
 */

const SHARED = path.resolve(__dirname, "../../shared/data");
const RMRB = path.join(SHARED, "rmrb");
const XWLB = path.join(SHARED, "xwlb", "xwlb.jsonl.gz");
/**
 * What a byline line holds besides names (本报记者, 、, 综合报道, 版式设计：) is short; a line with
 * more is text, even when it names the author.
 */
const MAX_BYLINE_WORDS_CHARS = 40;

/** Enough pages of every layout family to meet its rarer shapes, few enough to parse in seconds. */
const PAGES_PER_FAMILY = 20;

/** A few seconds each when alone; the default 5 s is too tight beside other test files on two cores. */
const CORPUS_TIMEOUT_MS = 120_000;

type CharCounts = Map<string, number>;

function countChars(text: string): CharCounts {
  const counts: CharCounts = new Map();
  for (const char of normalizeForCompare(text)) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** Characters `a` has more of than `b`, as a string (empty when `a` ⊆ `b`). */
function subtractChars(a: CharCounts, b: CharCounts): string {
  let rest = "";
  for (const [char, count] of a) {
    const over = count - (b.get(char) ?? 0);
    if (over > 0) rest += char.repeat(over);
  }
  return rest;
}

/** Everything the record states that is page text: a derived title and the dateline field repeat other text. */
function textOfRmrbRecord(article: ParsedArticle): string {
  const headline = [article.kicker, article.titleDerived ? null : article.title, article.column, article.subtitle];
  // A name printed once can credit two roles (高 石文并图: writer and photographer), and a pen name
  // given as the column tag (钟声) is also the author: each is printed once.
  const names = new Set([...article.authors, ...article.credits].map((person) => person.name));
  if (article.column) names.delete(article.column);
  return [...headline, blocksToPlainText(article.blocks), ...names]
    .filter((part): part is string => part !== null)
    .join("\n");
}

/** The parts of an rmrb file that may hold byline words, which the record leaves out by design. */
function collectBylineText(fileText: string, article: ParsedArticle): string {
  const names = [...article.authors, ...article.credits].map((person) => normalizeForCompare(person.name)).filter((name) => name !== "");
  const dateline = normalizeForCompare(article.dateline ?? "");
  const lines = fileText.split(/\r?\n/u);
  const parts = [(lines[1] ?? "").replace(/[^（）()]/gu, "")];
  for (const line of lines.slice(3)) {
    const compact = normalizeForCompare(line);
    // A closing （本报莫斯科、…10月14日电 记者屈佩、…） keeps its dateline in the text.
    const rest = [...names, dateline].reduce((text, kept) => (kept ? text.replaceAll(kept, "") : text), compact);
    if (rest.length < compact.length && rest.length <= MAX_BYLINE_WORDS_CHARS) parts.push(line);
    // 本报北京2月21日电 （记者王昊男）…: the reporters' parenthesis right after a dateline.
    const reporters = matchDateline(compact)?.opening?.text;
    if (reporters) parts.push(reporters);
    // A caption and its photo credit printed on one line after a run of spaces.
    const credit = /[\s\u3000\u00a0]{2,}(\S.{0,40})$/u.exec(line.trim())?.[1];
    if (credit) parts.push(credit);
  }
  return parts.join("\n");
}

describe.skipIf(!fs.existsSync(RMRB))(`every rmrb file in ${RMRB} (skipped when ../shared/data is absent)`, () => {
  it("is read as one article whose record accounts for every character of the file", () => {
    const problems: string[] = [];
    const files = listTextFiles(RMRB);
    for (const relPath of files) {
      const text = fs.readFileSync(path.join(RMRB, relPath), "utf8");
      if (!looksLikePerArticleFile(text, relPath)) problems.push(`${relPath}: not recognised as a per-article file`);
      const article = parseRmrbArticle(text, { sourceFile: relPath, source: "人民日报", date: null, dateSource: null, page: null, position: null });
      const fileChars = countChars(text);
      const recordChars = countChars(textOfRmrbRecord(article));
      const invented = subtractChars(recordChars, fileChars);
      const dropped = subtractChars(fileChars, recordChars);
      const unexplained = subtractChars(countChars(dropped), countChars(collectBylineText(text, article)));
      if (invented) problems.push(`${relPath}: record has characters the file does not: ${invented}`);
      if (unexplained) problems.push(`${relPath}: characters lost outside byline text: ${unexplained}`);
    }
    expect(files.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, CORPUS_TIMEOUT_MS);
});

describe.skipIf(!fs.existsSync(RMRB) || !fs.existsSync(XWLB))(`OCR-style pages generated from ${SHARED} (skipped when ../shared/data is absent)`, () => {
  it("put every character of each page in exactly one item", () => {
    const problems: string[] = [];
    const pages = generatePages({ split: "test", families: [...LAYOUT_FAMILIES], pagesPerFamily: PAGES_PER_FAMILY, seed: 7, dataRoot: SHARED });
    for (const page of pages) {
      const context = { source: "测试报", sourceFile: page.name, date: null, dateSource: null, page: null };
      const result = parseOcrPageDetailed(page.text, context);
      if (looksLikePerArticleFile(page.text, page.name)) problems.push(`${page.name}: taken for a per-article file`);
      const produced = result.articles.map((article, i) => textOfParsed(article, result.bylines[i] ?? null));
      produced.push(result.droppedDuplicates.join(""));
      const pageChars = countChars(page.text);
      const itemChars = countChars(produced.join("\n"));
      const missing = subtractChars(pageChars, itemChars);
      const extra = subtractChars(itemChars, pageChars);
      if (missing || extra) problems.push(`${page.name}: missing "${missing}", doubled "${extra}"`);
    }
    expect(pages.length).toBe(LAYOUT_FAMILIES.length * PAGES_PER_FAMILY);
    expect(problems).toEqual([]);
  }, CORPUS_TIMEOUT_MS);
});

type FeedRecord = { title?: unknown; body?: unknown; author?: unknown };

/** The raw records of a gzip JSON Lines file with their line numbers, to compare with what the reader made of them. */
async function* readRawRecords(feedPath: string): AsyncGenerator<{ line: number; record: FeedRecord }> {
  const lines = readline.createInterface({ input: fs.createReadStream(feedPath).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== "") yield { line, record: JSON.parse(text.replace(/^\uFEFF/u, "")) as FeedRecord };
  }
}

function describeFeedMismatch(item: FeedItem, record: FeedRecord): string | null {
  if (!item.ok) return item.error;
  const { article } = item;
  if (normalizeForCompare(article.title) !== normalizeForCompare(String(record.title ?? ""))) return `title "${article.title}"`;
  if (normalizeForCompare(blocksToPlainText(article.blocks)) !== normalizeForCompare(String(record.body ?? ""))) return "body differs";
  const printed = typeof record.author === "string" ? record.author : "";
  const invented = article.authors.filter((author) => !printed.includes(author.name));
  return invented.length > 0 ? `authors not in the record: ${invented.map((author) => author.name).join(", ")}` : null;
}

describe.skipIf(!fs.existsSync(XWLB))(`every xwlb record in ${XWLB} (skipped when ../shared/data is absent)`, () => {
  it("keeps its title, body and authors", async () => {
    const problems: string[] = [];
    const raw = readRawRecords(XWLB);
    let records = 0;
    for await (const item of readJsonlFeed(XWLB, { sourceFile: "xwlb/xwlb.jsonl.gz" })) {
      const next = await raw.next();
      if (next.done || next.value.line !== item.line) {
        problems.push(`line ${item.line}: the reader and the raw file disagree on where records are`);
        break;
      }
      records++;
      const mismatch = describeFeedMismatch(item, next.value.record);
      if (mismatch) problems.push(`line ${item.line}: ${mismatch}`);
    }
    if (!(await raw.next()).done) problems.push("the reader stopped before the end of the file");
    expect(records).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, CORPUS_TIMEOUT_MS);
});

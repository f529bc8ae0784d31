import fs from "node:fs";
import path from "node:path";
import type { Author, AuthorRole, ParsedArticle } from "@/lib/article/types";
import { DATELINE } from "@/lib/byline/dateline";
import { isPersonName } from "@/lib/byline/names";
import { REPORTER_ROLES } from "@/lib/byline/role-words";
import { endsSentence } from "@/lib/byline/trailing-byline";
import { squash } from "@/lib/text/squash";
import type { ExpectedArticle, ExpectedPage } from "./eval-parse-pages";
import { parseRmrbArticle } from "./parsers/rmrb-article";
import { readDateFromPath } from "./path-date";
import { createRandom, type Random } from "@/lib/random/seeded-random";

/**
 * OCR-style pages assembled from 人民日报 per-article files, whose article boundaries and
 * bylines are therefore known, in the layout of the real OCR pages (../shared/data/pages):
 *
 *   - every printed line is followed by a blank line; headline lines (kicker, title, series
 *     line) come first, then the paragraphs, one per line, subheads on lines of their own;
 *   - some paragraphs are broken mid-sentence across a blank line (a column end);
 *   - the byline is printed where the real pages print it: at the end, on its own line or
 *     after the last sentence, as (name、name) without a role or as 记者 name 通讯员 name;
 *     or, for articles that open with a dateline, right after it: 本报北京2月21日电（记者 name）;
 *   - photo items are a caption followed by `name name 摄影报道`;
 *   - only headline-sized lines are printed above an article (see `isHeadlineShaped`).
 *
 * The articles of one page are the files of one printed rmrb page (YYYYMMDD-PP-*), in order,
 * except files whose boundaries on a page are not the file's own (several items in one file, see
 * `isOneReport`) and, unless asked for, unsigned articles (see `includeUnsigned`).
 * What the page prints is what is expected: a byline printed without a role expects role null,
 * photographers of an article and layout credits are not printed (the real pages show them with
 * the pictures, which OCR text does not contain), and an article that has no byline gets none.
 * Every choice comes from a seeded generator, so the same corpus always gives the same pages.
 */

export type SyntheticPage = { name: string; text: string; expected: ExpectedPage };

export type SyntheticPageOptions = {
  /** Take every n-th printed page of the corpus (in sorted order). */
  everyNthPage?: number;
  maxArticlesPerPage?: number;
  seed?: number;
  /**
   * Also print articles that have no byline. The real pages sign every text article, and where
   * one is unsigned only the layout shows where it ends, which OCR text does not keep; so the
   * default leaves them out and this switch measures how much they cost.
   */
  includeUnsigned?: boolean;
};

type BylineForm = "parenLine" | "parenTail" | "roleLine" | "roleTail" | "opening";
type PrintedArticle = { lines: string[]; expected: ExpectedArticle };

const DEFAULT_OPTIONS: Required<SyntheticPageOptions> = { everyNthPage: 3, maxArticlesPerPage: 6, seed: 20250325, includeUnsigned: false };
/** Paragraphs shorter than this are never broken: real column breaks cut long paragraphs. */
const MIN_BREAKABLE_CHARS = 40;
const BREAK_SHARE = 0.3;
/** Enough characters to tell two articles' openings and endings apart. */
const OPENING_CHARS = 24;
/** The longest headline line seen on the real pages is well under this. */
const MAX_HEADLINE_CHARS = 40;
const ENDING_CHARS = 16;
const RMRB_FILE = /^(\d{8}-\d{2})-\d{2}\.txt$/u;

/** Builds the pages from the corpus under `corpusRoot` (the rmrb folder). */
export function buildSyntheticPages(corpusRoot: string, options: SyntheticPageOptions = {}): SyntheticPage[] {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const random = createRandom(settings.seed);
  return groupFilesByPrintedPage(corpusRoot)
    .filter((_, index) => index % settings.everyNthPage === 0)
    .map(([pageKey, files]) => {
      const articles = files
        .map((file) => fs.readFileSync(path.join(corpusRoot, file), "utf8"))
        .map((text, index) => ({ text, article: readRmrbArticle(text, files[index] ?? "") }))
        .filter(({ text, article }) => hasPrintableBody(article) && isOneReport(text, article) && (settings.includeUnsigned || isSigned(article)))
        .map(({ article }) => article);
      return assemblePage(`synthetic-${pageKey}.txt`, articles.slice(0, settings.maxArticlesPerPage), random);
    })
    .filter((page) => page.expected.articles.length > 0);
}

/** Writes pages as the labelled-page layout `evaluateOcrPages` reads: `<dir>/<page>` and `<dir>/expected/<page>.json`. */
export function writeLabelledPages(dir: string, pages: readonly SyntheticPage[]): void {
  fs.mkdirSync(path.join(dir, "expected"), { recursive: true });
  for (const page of pages) {
    fs.writeFileSync(path.join(dir, page.name), page.text);
    fs.writeFileSync(path.join(dir, "expected", page.name.replace(/\.txt$/u, ".json")), JSON.stringify(page.expected, null, 1));
  }
}

/** Lays out parsed rmrb articles as one OCR page and records what a perfect reading finds. */
export function assemblePage(name: string, articles: readonly ParsedArticle[], random: Random): SyntheticPage {
  const printed = articles.map((article) => printArticle(article, random));
  const lines = printed.flatMap((article) => article.lines);
  return {
    name,
    // Real pages start with blank lines and put one blank line after every printed line.
    text: `\n\n${lines.join("\n\n")}\n`,
    expected: { page: name, articles: printed.map((article) => article.expected) },
  };
}

// ---------------------------------------------------------------------------------------------
// Corpus

function groupFilesByPrintedPage(corpusRoot: string): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const file of listTextFiles(corpusRoot)) {
    const key = RMRB_FILE.exec(path.basename(file))?.[1];
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push(file);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `.txt` files under `root`, as sorted paths relative to it with `/` separators. */
export function listTextFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".txt"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

function readRmrbArticle(text: string, relPath: string): ParsedArticle {
  const { date, page, position } = readDateFromPath(relPath);
  return parseRmrbArticle(text, { sourceFile: relPath, source: "人民日报", date, dateSource: "path", page, position });
}

function hasPrintableBody(article: ParsedArticle): boolean {
  return article.blocks.some((block) => block.kind !== "table" && squash(block.text).length > 0);
}

/**
 * rmrb's subtitle line sometimes holds a whole lead paragraph (习近平：中方支持…。); the real pages
 * print only headline-sized lines above an article, so such a line is left off the page.
 */
function isHeadlineShaped(line: string): boolean {
  return line.length > 0 && [...line].length <= MAX_HEADLINE_CHARS && !/[。！？!?]/u.test(line);
}

/**
 * Whether the file is one report, so that its boundaries on a page are known. Several short items
 * share a file after blank lines (briefs under 微阅读, profiles under one kicker), and a dateline
 * past the first paragraph starts another report or follows a lead; a page prints those as
 * separate items, which rmrb's one-file-one-article labels would count as errors.
 */
function isOneReport(text: string, article: ParsedArticle): boolean {
  const body = text.replace(/\r\n?/gu, "\n").split("\n").slice(3).map(squash);
  const first = body.findIndex((line) => line !== "");
  const last = body.findLastIndex((line) => line !== "");
  if (body.slice(first, last + 1).includes("")) return false;
  return !article.blocks.some((block, index) => index > 0 && block.kind !== "table" && DATELINE.test(squash(block.text)));
}

function isSigned(article: ParsedArticle): boolean {
  return selectPrintedAuthors(article.authors, article.kind === "photo").length > 0;
}

// ---------------------------------------------------------------------------------------------
// Printing one article

function printArticle(article: ParsedArticle, random: Random): PrintedArticle {
  const headlines = [article.kicker, article.titleDerived ? null : article.title, article.subtitle]
    .filter((line): line is string => line !== null)
    .map(squash)
    .filter(isHeadlineShaped);
  const body = article.blocks.flatMap((block) => {
    const text = block.kind === "table" ? "" : squash(block.text);
    return text ? [{ text, subhead: block.kind === "subhead" }] : [];
  });
  // A subhead before any paragraph is printed under the headline, as part of it (核心阅读, a
  // series tag): it is labelled a headline line, not the start of the body.
  while (body[0]?.subhead && body.length > 1 && isHeadlineShaped(body[0].text)) headlines.push(body.shift()!.text);
  const photo = article.kind === "photo";
  const authors = selectPrintedAuthors(article.authors, photo);
  const form = photo ? null : chooseBylineForm(authors, body[0]?.text ?? "", random);
  const first = body[0];
  if (form === "opening" && first) first.text = insertOpeningByline(first.text, authors);

  const lines = [...headlines];
  for (const block of body) lines.push(...(block.subhead ? [block.text] : breakParagraph(block.text, random)));
  const opening = body[0]?.text ?? "";
  const ending = body.at(-1)?.text ?? "";

  let expectedAuthors: Author[] = [];
  if (photo && authors.length > 0) {
    lines.push(`${authors.map((author) => author.name).join(" ")} ${random() < 0.5 ? "摄影报道" : "摄"}`);
    expectedAuthors = authors.map((author) => ({ name: author.name, role: "摄影" }));
  } else if (form !== null) {
    expectedAuthors = printByline(lines, form, authors, random);
  }
  return {
    lines,
    expected: {
      headlines,
      authors: expectedAuthors.map((author) => (author.role === null ? { name: author.name } : { name: author.name, role: author.role })),
      bodyStartsWith: [...opening].slice(0, OPENING_CHARS).join(""),
      bodyContains: [[...ending].slice(-ENDING_CHARS).join("")],
      ...(photo ? { kind: "photo" as const } : {}),
    },
  };
}

/**
 * The people a page byline names: photographers only on photo items, and only person names
 * (a pen name such as 本报评论员 is not printed as a byline on these pages).
 */
function selectPrintedAuthors(authors: readonly Author[], photo: boolean): Author[] {
  const seen = new Set<string>();
  return authors.filter((author) => {
    const wanted = (photo ? author.role === "摄影" : author.role !== "摄影") && isPersonName(author.name) && !seen.has(author.name);
    if (wanted) seen.add(author.name);
    return wanted;
  });
}

function chooseBylineForm(authors: readonly Author[], firstParagraph: string, random: Random): BylineForm | null {
  if (authors.length === 0) return null;
  const rolesPrintable = authors.every((author) => author.role !== null && REPORTER_ROLES.has(author.role));
  const draw = random();
  if (rolesPrintable && DATELINE.test(firstParagraph) && draw < 0.15) return "opening";
  if (rolesPrintable && draw < 0.3) return "roleLine";
  if (rolesPrintable && draw < 0.4) return "roleTail";
  return draw < 0.7 ? "parenLine" : "parenTail";
}

/** Prints the closing byline (or nothing for an opening one) and returns the authors it states. */
function printByline(lines: string[], form: BylineForm, authors: readonly Author[], random: Random): Author[] {
  if (form === "opening") return authors.map((author) => ({ ...author }));
  const withRoles = form === "roleLine" || form === "roleTail";
  const byline = withRoles ? formatRoleByline(authors) : formatParenByline(authors, random);
  const last = lines.at(-1) ?? "";
  const tail = form === "roleTail" || form === "parenTail";
  // A byline follows the last sentence on the same line only where that sentence is complete.
  if (tail && endsSentence(last)) lines[lines.length - 1] = `${last}${byline}`;
  else lines.push(byline);
  return authors.map((author) => ({ name: author.name, role: withRoles ? author.role : null }));
}

/** 记者 王昊男 李红梅 通讯员 孟涛: each role word once, before its names. */
function formatRoleByline(authors: readonly Author[]): string {
  const parts: string[] = [];
  let role: AuthorRole | null = null;
  for (const author of authors) {
    if (author.role !== role) parts.push(author.role ?? "");
    parts.push(author.name);
    role = author.role;
  }
  return parts.join(" ");
}

/** (王昊男、李红梅) — the real pages print both ASCII and full-width parentheses. */
function formatParenByline(authors: readonly Author[], random: Random): string {
  const names = authors.map((author) => author.name).join("、");
  return random() < 0.5 ? `(${names})` : `（${names}）`;
}

/** 本报北京2月21日电 正文 → 本报北京2月21日电（记者 王昊男）正文. */
function insertOpeningByline(paragraph: string, authors: readonly Author[]): string {
  const dateline = DATELINE.exec(paragraph)?.[0] ?? "";
  const rest = paragraph.slice(dateline.length).trimStart();
  return `${dateline}（${formatRoleByline(authors)}）${rest}`;
}

/**
 * A paragraph as printed: whole, or — as at a column end — cut in two inside a sentence, so the
 * first part never ends a sentence (a cut after a full stop would be two paragraphs).
 */
function breakParagraph(text: string, random: Random): string[] {
  const chars = [...text];
  if (chars.length < MIN_BREAKABLE_CHARS || random() >= BREAK_SHARE) return [text];
  const low = Math.floor(chars.length * 0.2);
  const high = Math.floor(chars.length * 0.9);
  for (let at = low + Math.floor(random() * (high - low)); at < high; at++) {
    const before = chars.slice(0, at).join("").trimEnd();
    const after = chars.slice(at).join("").trimStart();
    if (before && after && !endsSentence(before)) return [before, after];
  }
  return [text];
}

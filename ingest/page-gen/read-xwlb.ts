import fs from "node:fs";
import zlib from "node:zlib";
import { endsSentence } from "@/lib/byline/trailing-byline";
import { squash } from "@/lib/text/squash";
import { isHeadlineShaped } from "./report-shape";
import type { SourceArticle } from "./source-article";
import { isXwlbYearInSplit, type PageSplit } from "./splits";

type XwlbRecord = { id: string; date: string; title: string; author: string | null; section: string | null; body: string };

const DATE_KEY = Buffer.from('"date": "');
const NEWLINE = 0x0a;
/** 【走基层·蹲点日记】爱在吐鲁番… — a column printed as part of the feed's title. */
const BRACKETED_COLUMN = /^【([^】]{1,30})】\s*/u;
const MAX_HEADING_CHARS = 30;
/** Openings the broadcast copy itself carries; they stay in the text as a dateline does in rmrb. */
const OPENING = /^(?:本台消息|据新华社消息|新华社消息)(?=[，,\s])/u;

/**
 * The 新闻联播 items of one split. The feed is one 120 MB gzip file; only the lines whose year
 * belongs to the split are decoded, which keeps a split's load to about a second.
 */
export function readXwlbSources(feedFile: string, split: PageSplit): SourceArticle[] {
  const data = zlib.gunzipSync(fs.readFileSync(feedFile));
  const sources: SourceArticle[] = [];
  for (let start = 0; start < data.length; ) {
    const end = nextNewline(data, start);
    const year = readYear(data, start, end);
    if (year !== null && isXwlbYearInSplit(year, split)) {
      const source = toSource(JSON.parse(data.toString("utf8", start, end)) as XwlbRecord);
      if (source.blocks.length > 0 && isOneReport(source)) sources.push(source);
    }
    start = end + 1;
  }
  return sources;
}

function nextNewline(data: Buffer, from: number): number {
  const at = data.indexOf(NEWLINE, from);
  return at === -1 ? data.length : at;
}

function readYear(data: Buffer, start: number, end: number): number | null {
  const at = data.indexOf(DATE_KEY, start);
  if (at === -1 || at >= end) return null;
  const year = Number(data.toString("latin1", at + DATE_KEY.length, at + DATE_KEY.length + 4));
  return Number.isInteger(year) ? year : null;
}

/** A paragraph that ends no sentence and is headline-short: a subhead, or a sub-item's headline. */
function isHeadingLine(text: string): boolean {
  return [...text].length <= MAX_HEADING_CHARS && !endsSentence(text) && !/[，,：:]$/u.test(text);
}

/**
 * Compilations (国内联播快讯, 全球新冠肺炎疫情… with one line per country) hold several items
 * under their sub-headlines; a page would print them as several items, so they are left out.
 */
function isOneReport(source: SourceArticle): boolean {
  return source.blocks.filter((block) => block.kind === "subhead").length < 2;
}

function toSource(record: XwlbRecord): SourceArticle {
  const rawTitle = squash(record.title);
  const bracketed = BRACKETED_COLUMN.exec(rawTitle);
  const title = bracketed ? rawTitle.slice(bracketed[0].length) : rawTitle;
  const paragraphs = record.body.split("\n").map(squash).filter((text) => text !== "");
  return {
    key: record.id,
    origin: "xwlb",
    date: record.date,
    column: bracketed?.[1] ?? (record.section ? squash(record.section) : null),
    kicker: null,
    title: isHeadlineShaped(title) ? title : null,
    subtitle: null,
    blocks: paragraphs.map((text, index) => ({ kind: index > 0 && index < paragraphs.length - 1 && isHeadingLine(text) ? ("subhead" as const) : ("paragraph" as const), text })),
    // The feed names text editors on a few 2012–2013 items; they are not printed as bylines.
    authors: [],
    photographers: [],
    pageCredits: [],
    dateline: OPENING.exec(paragraphs[0] ?? "")?.[0] ?? null,
    kind: "article",
  };
}

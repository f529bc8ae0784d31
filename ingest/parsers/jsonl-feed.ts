import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { ArticleBlock, Author, ParsedArticle } from "@/lib/article/types";
import { normalizeDateString } from "../path-date";

/**
 * News feeds as JSON Lines, one item per line:
 *   {"id", "date", "title", "author", "section", "source", "body"}
 * Plain or gzip-compressed (recognised by its magic bytes, whatever the name),
 * read as a stream: feeds can hold hundreds of thousands of items. A bad line
 * yields an error item naming file and line, and reading goes on.
 */

export type FeedItem = { ok: true; article: ParsedArticle; line: number } | { ok: false; line: number; error: string };

export type FeedContext = { sourceFile: string };

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function* readJsonlFeed(feedPath: string, context: FeedContext): AsyncGenerator<FeedItem> {
  const label = context.sourceFile;
  let input: Readable;
  try {
    input = await openFeedStream(feedPath);
  } catch (error) {
    yield { ok: false, line: 0, error: `${label}: cannot read feed (${(error as Error).message})` };
    return;
  }
  const fallbackSource = readFeedName(context.sourceFile);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const rawLine of lines) {
      lineNumber++;
      const text = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, "") : rawLine;
      if (text.trim() === "") continue;
      yield readFeedLine(text, lineNumber, context, fallbackSource);
    }
  } catch (error) {
    // A truncated or corrupt gzip stream surfaces here; report it and stop, keeping what was read.
    yield { ok: false, line: lineNumber + 1, error: `${label} line ${lineNumber + 1}: cannot read further (${(error as Error).message})` };
  } finally {
    lines.close();
    input.destroy();
  }
}

async function openFeedStream(feedPath: string): Promise<Readable> {
  // Checking the magic bytes first also surfaces a missing or unreadable file before any stream exists.
  const compressed = await startsWithGzipMagic(feedPath);
  const raw = fs.createReadStream(feedPath);
  if (!compressed) {
    raw.setEncoding("utf8");
    return raw;
  }
  const gunzip = zlib.createGunzip();
  // Errors on the file stream would otherwise not reach the consumer of the gunzip stream.
  raw.on("error", (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  gunzip.setEncoding("utf8");
  return gunzip;
}

async function startsWithGzipMagic(feedPath: string): Promise<boolean> {
  const handle = await fs.promises.open(feedPath, "r");
  try {
    const buffer = Buffer.alloc(GZIP_MAGIC.length);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return bytesRead === GZIP_MAGIC.length && GZIP_MAGIC.every((byte, index) => buffer[index] === byte);
  } finally {
    await handle.close();
  }
}

function readFeedLine(text: string, line: number, context: FeedContext, fallbackSource: string): FeedItem {
  const where = `${context.sourceFile} line ${line}`;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { ok: false, line, error: `${where}: malformed JSON (${(error as Error).message})` };
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return { ok: false, line, error: `${where}: expected a JSON object` };
  }
  const article = toArticle(record as Record<string, unknown>, line, context, fallbackSource);
  return typeof article === "string" ? { ok: false, line, error: `${where}: ${article}` } : { ok: true, article, line };
}

/** The article for one record, or what is wrong with the record. */
function toArticle(record: Record<string, unknown>, line: number, context: FeedContext, fallbackSource: string): ParsedArticle | string {
  const id = readId(record.id);
  if (id === null) return 'missing required field "id" (a non-empty string or number)';
  const title = readText(record.title);
  if (!title) return `missing required field "title" (item ${id})`;
  if (typeof record.body !== "string") return `missing required field "body" (item ${id})`;
  const date = readDate(record.date);
  if (date !== null && typeof date === "object") return `${date.error} (item ${id})`;
  return {
    kind: "article",
    source: readText(record.source) ?? fallbackSource,
    sourceFile: context.sourceFile,
    ordinal: line - 1,
    sourceKey: id,
    date,
    dateSource: date ? "feed" : null,
    page: null,
    column: readSection(record.section),
    kicker: null,
    title,
    titleDerived: false,
    subtitle: null,
    authors: readAuthors(record.author),
    credits: [],
    dateline: null,
    place: null,
    blocks: readBlocks(record.body),
  };
}

function readId(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return null;
}

function readText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A missing date is allowed (null); a present one must be a real calendar date. */
function readDate(value: unknown): string | null | { error: string } {
  if (value === undefined || value === null || value === "") return null;
  const date = typeof value === "string" ? normalizeDateString(value) : null;
  return date ?? { error: `invalid date ${JSON.stringify(value)} (expected YYYY-MM-DD)` };
}

/** Comma-, 、- or space-separated names; the feed states no roles. */
function readAuthors(value: unknown): Author[] {
  const text = readText(value);
  if (!text) return [];
  const names = text.split(/[,，、;；\s\u3000]+/u).filter((name) => name !== "");
  return [...new Set(names)].map((name) => ({ name, role: null }));
}

/** A section printed as a bracketed column (【央视快评】, [国际锐评]) loses its brackets. */
function readSection(value: unknown): string | null {
  const text = readText(value);
  if (!text) return null;
  const bracketed = /^[【\[［〔〖](.+)[】\]］〕〗]$/u.exec(text);
  return bracketed?.[1]?.trim() || text;
}

function readBlocks(body: string): ArticleBlock[] {
  return body
    .split(/\r?\n/u)
    .map((paragraph) => paragraph.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, ""))
    .filter((paragraph) => paragraph !== "")
    .map((text) => ({ kind: "paragraph", text }));
}

/** xwlb.jsonl.gz → xwlb: the source name when records do not carry one. */
function readFeedName(sourceFile: string): string {
  return path.basename(sourceFile).replace(/(\.jsonl|\.ndjson|\.json)?(\.gz)?$/iu, "") || sourceFile;
}

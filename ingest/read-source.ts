import fs from "node:fs";
import path from "node:path";
import type { Article, DateSource, ParsedArticle } from "@/lib/article/types";
import { decodeText } from "./decode";
import type { DiscoveredFile } from "./discover";
import { finalizeArticle, hashFileText } from "./finalize";
import { loadManifest, lookupManifest, type ManifestEntry } from "./manifest";
import { parseOcrPage } from "./parsers/ocr-page";
import { parseRmrbArticle } from "./parsers/rmrb-article";
import { readJsonlFeed } from "./parsers/jsonl-feed";
import { readDateFromPath, inferDateFromText } from "./path-date";

/**
 * One input file → its articles, or clear issues naming the file (and line).
 * Text files are either one OCR'd page (several articles) or one article in the
 * per-article format; the content decides, not only the name.
 */

export type IngestIssue = {
  file: string;
  line?: number;
  message: string;
  /** Notices are reported but do not make the run fail. */
  severity?: "error" | "notice";
};

export type SourceItem =
  | { kind: "article"; article: Article; fileHash: string }
  /** A file that was read but produced no article still has a key (so its old articles are removed). */
  | { kind: "file"; fileHash: string }
  | { kind: "issue"; issue: IngestIssue; fatal: boolean };

/** Manifest paths are relative to the manifest's own folder, so a manifest travels with its archive. */
export type SourceContext = { manifest: ManifestEntry[]; manifestDir: string };

/** Text files larger than this are refused: no page or article is this big (feeds stream and have no limit). */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;
const DEFAULT_SOURCE = "未注明来源";

export async function loadSourceContext(manifestPath: string | null, issues: IngestIssue[]): Promise<SourceContext> {
  if (!manifestPath) return { manifest: [], manifestDir: process.cwd() };
  const manifestDir = path.dirname(path.resolve(manifestPath));
  const loaded = loadManifest(manifestPath);
  if (!loaded.ok) {
    issues.push({ file: manifestPath, message: loaded.error, severity: "error" });
    return { manifest: [], manifestDir };
  }
  return { manifest: loaded.entries, manifestDir };
}

export async function* readSourceFile(file: DiscoveredFile, context: SourceContext): AsyncGenerator<SourceItem> {
  if (file.format === "feed") {
    yield* readFeedFile(file);
    return;
  }
  if (file.size > MAX_TEXT_FILE_BYTES) {
    yield failure(file, `${file.relPath}: file is ${(file.size / 1048576).toFixed(1)} MB, over the ${MAX_TEXT_FILE_BYTES / 1048576} MB limit for a page or article text; skipped`);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absPath);
  } catch (error) {
    yield failure(file, `${file.relPath}: cannot read (${(error as Error).message})`);
    return;
  }
  const decoded = decodeText(bytes, file.relPath);
  if (!decoded.ok) {
    yield failure(file, decoded.error);
    return;
  }
  const fileHash = hashFileText(decoded.text);
  const parsed = parseTextFile(decoded.text, file, context);
  if (parsed.length === 0) {
    yield { kind: "file", fileHash };
    yield { kind: "issue", issue: { file: file.relPath, message: `${file.relPath}: no article text found`, severity: "notice" }, fatal: false };
    return;
  }
  for (const article of parsed) yield { kind: "article", article: finalizeArticle(article, fileHash), fileHash };
}

function failure(file: DiscoveredFile, message: string): SourceItem {
  return { kind: "issue", issue: { file: file.relPath, message, severity: "error" }, fatal: true };
}

type FileMeta = { source: string; date: string | null; dateSource: DateSource | null; page: number | null; position: number | null };

function describeFile(text: string, file: DiscoveredFile, context: SourceContext, perArticle: boolean): FileMeta {
  const fromManifest = lookupManifest(context.manifest, path.relative(context.manifestDir, file.absPath).split(path.sep).join("/"));
  const fromPath = readDateFromPath(file.relPath);
  let date = fromManifest?.date ?? fromPath.date;
  let dateSource: DateSource | null = fromManifest?.date ? "manifest" : fromPath.date ? "path" : null;
  if (!date) {
    date = inferDateFromText(text);
    dateSource = date ? "text" : null;
  }
  const source = fromManifest?.paper ?? (perArticle && fromPath.page !== null ? "人民日报" : DEFAULT_SOURCE);
  return { source, date, dateSource, page: fromManifest?.page ?? fromPath.page, position: fromPath.position };
}

export function looksLikePerArticleFile(text: string, relPath: string): boolean {
  if (/\d{8}-\d{2}-\d{2}\.txt$/i.test(relPath)) return true;
  // The per-article format indents its paragraphs with full-width spaces; OCR pages do not.
  const lines = text.split("\n").slice(3).filter((line) => line.trim().length > 0);
  if (lines.length === 0) return false;
  const indented = lines.filter((line) => line.startsWith("\u3000")).length;
  return indented / lines.length >= 0.5;
}

function parseTextFile(text: string, file: DiscoveredFile, context: SourceContext): ParsedArticle[] {
  const perArticle = looksLikePerArticleFile(text, file.relPath);
  const meta = describeFile(text, file, context, perArticle);
  if (perArticle) {
    return [parseRmrbArticle(text, { sourceFile: file.relPath, ...meta })];
  }
  return parseOcrPage(text, { sourceFile: file.relPath, source: meta.source, date: meta.date, dateSource: meta.dateSource, page: meta.page });
}

async function* readFeedFile(file: DiscoveredFile): AsyncGenerator<SourceItem> {
  const fileHash = await hashFeedFile(file.absPath);
  yield { kind: "file", fileHash };
  for await (const item of readJsonlFeed(file.absPath, { sourceFile: file.relPath })) {
    if (item.ok) {
      yield { kind: "article", article: finalizeArticle(item.article, fileHash), fileHash };
    } else {
      // A bad line fails that line only; the rest of the feed is still read.
      yield { kind: "issue", issue: { file: file.relPath, line: item.line, message: item.error, severity: "error" }, fatal: false };
    }
  }
}

/** Hashes a feed's bytes as a stream (feeds can be large). */
async function hashFeedFile(absPath: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(absPath)) hash.update(chunk as Buffer);
  return hash.digest("hex").slice(0, 40);
}

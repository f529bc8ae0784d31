import { createHash } from "node:crypto";
import type { Article, ParsedArticle } from "@/lib/article/types";
import { deriveKeywordsAndTopics } from "@/lib/article/derived-fields";

/**
 * Turns a parsed article into the stored record: stable id, keywords, topics.
 *
 * The id never depends on where or in which order files were ingested: a
 * source's own key (feed record id, rmrb path stem) when it has one, otherwise
 * the hash of the file's text plus the article's place in it.
 */

const SOURCE_PREFIXES: Record<string, string> = { 人民日报: "rmrb", 新闻联播: "xwlb" };

function hashText(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

function prefixFor(source: string): string {
  return SOURCE_PREFIXES[source] ?? `s${hashText(source, 6)}`;
}

export function makeArticleId(parsed: ParsedArticle, fileTextHash: string): string {
  if (parsed.sourceKey) {
    const key = parsed.sourceKey.replace(/[^A-Za-z0-9_-]/g, "_");
    const prefix = prefixFor(parsed.source);
    const id = key.startsWith(`${prefix}-`) ? key : `${prefix}-${key}`;
    return id.length <= 200 ? id : `${prefix}-${hashText(parsed.sourceKey, 24)}`;
  }
  return `p${fileTextHash.slice(0, 16)}-${parsed.ordinal}`;
}

export function hashFileText(text: string): string {
  return hashText(text, 40);
}

export function finalizeArticle(parsed: ParsedArticle, fileTextHash: string): Article {
  return { ...parsed, id: makeArticleId(parsed, fileTextHash), ...deriveKeywordsAndTopics(parsed) };
}

import { createHash } from "node:crypto";
import { blocksToPlainText, type Article } from "@/lib/article/types";

/**
 * What a correction is keyed to: the article's body text as the parser read it, whitespace
 * ignored (a re-import that only re-wraps lines still fits). Titles and bylines are left out,
 * as those are what corrections change.
 */
export function fingerprintArticle(article: Pick<Article, "blocks">): string {
  const text = blocksToPlainText(article.blocks).replace(/\s+/gu, "");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

import type { ParsedArticle } from "@/lib/article/types";
import { DATELINE } from "@/lib/byline/dateline";
import { squash } from "@/lib/text/squash";

/**
 * What the generator prints of an rmrb file and where a printed sentence ends. These are the
 * generator's own rules, kept apart from the parsers on purpose: the pages are the ground truth
 * the parsers and the segmenter are scored against, so they must not move when a parser's
 * heuristics do. Only the dateline is shared: it is the one byline grammar (lib/byline/dateline.ts),
 * not a heuristic, and a report's second dateline is where a page starts another item.
 */

/** The longest headline line seen on the real pages is well under this. */
const MAX_HEADLINE_CHARS = 40;
/** A sentence is complete after these, closing quotes and brackets included. */
const SENTENCE_END = /[。！？!?；;…][”’"'」』）)]*$/u;

/** rmrb's subtitle line sometimes holds a whole lead paragraph; only headline-sized lines are printed above an article. */
export function isHeadlineShaped(line: string): boolean {
  return line.length > 0 && [...line].length <= MAX_HEADLINE_CHARS && !/[。！？!?]/u.test(line);
}

export function hasPrintableBody(article: ParsedArticle): boolean {
  return article.blocks.some((block) => block.kind !== "table" && squash(block.text).length > 0);
}

/**
 * Whether the file is one report, so that its boundaries on a page are known. Several short items
 * share a file after blank lines (briefs, profiles under one kicker), and a dateline past the first
 * paragraph starts another report; a page prints those as separate items.
 */
export function isOneReport(text: string, article: ParsedArticle): boolean {
  const body = text.replace(/\r\n?/gu, "\n").split("\n").slice(3).map(squash);
  const first = body.findIndex((line) => line !== "");
  const last = body.findLastIndex((line) => line !== "");
  if (body.slice(first, last + 1).includes("")) return false;
  return !article.blocks.some((block, index) => index > 0 && block.kind !== "table" && DATELINE.test(squash(block.text)));
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

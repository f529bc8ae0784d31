import type { ParsedArticle } from "@/lib/article/types";
import { DATELINE } from "@/lib/byline/dateline";
import { squash } from "@/lib/text/squash";

/**
 * What the generator prints of an rmrb file and what a printed line may not start with. These are the
 * generator's own rules, kept apart from the parsers on purpose: the pages are the ground truth
 * the parsers and the segmenter are scored against, so they must not move when a parser's
 * heuristics do. Only the dateline and the sentence end are shared: they are the one byline
 * grammar (lib/byline/), not heuristics, and a report's second dateline is where a page starts
 * another item.
 */

/** The longest headline line seen on the real pages is well under this. */
const MAX_HEADLINE_CHARS = 40;
/** Typesetting keeps these off the start of a line: they hang on the end of the line before. */
const CLOSING_MARK_START = /^[，。、；：！？”’）》」』,.;:!?)]/u;

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

/** Whether a line opens with a mark that print never puts first (a comma, a closing quote). */
export function startsWithClosingMark(line: string): boolean {
  return CLOSING_MARK_START.test(line);
}

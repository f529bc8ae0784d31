import type { ParsedArticle } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import type { PageContext } from "@/lib/segmenter/assemble-articles";
import { segmentPage, type SegmentedPage } from "@/lib/segmenter/segment-page";

/**
 * One OCR'd newspaper page (plain text, usually a blank line between printed lines) → its
 * articles, through the trained page segmenter (lib/segmenter/): every line is labelled
 * (headline, body start, continuation of a cut sentence, byline, caption, table, …) by a
 * sequence model learned from pages of many layouts, and the items follow from the labels.
 *
 * Nothing printed is dropped: every non-whitespace character ends up in exactly one returned item
 * (headline lines, blocks, the printed byline and credit lines, or a `remainder` item), except
 * characters removed as certain OCR duplicates, which are reported. `textOfParsed` rebuilds what
 * an item accounts for.
 */

export type OcrPageContext = PageContext;

export type OcrPageParse = {
  /** Each with `segmentation`: how sure the segmenter was of its boundaries and byline. */
  articles: ParsedArticle[];
  /** The byline and credit lines of `articles[i]` as printed (`(李静)`, `张三 摄`), joined by \n, or null. */
  bylines: (string | null)[];
  /** Characters removed as OCR duplicates at line breaks (`1.75万亿元` / `元，占全省`). */
  droppedDuplicates: string[];
};

export function parseOcrPage(text: string, context: OcrPageContext): ParsedArticle[] {
  return parseOcrPageDetailed(text, context).articles;
}

export function parseOcrPageDetailed(text: string, context: OcrPageContext): OcrPageParse {
  return toOcrPageParse(segmentPage(text, context));
}

/** A segmented page as the parse gives it (eval:parse also reads the segmentation itself). */
export function toOcrPageParse(page: SegmentedPage): OcrPageParse {
  return {
    articles: page.articles.map((article, at) => ({ ...article, segmentation: page.confidence[at]! })),
    bylines: page.bylines,
    droppedDuplicates: page.droppedDuplicates,
  };
}

/**
 * Everything an item accounts for from the page, in order: headline lines, body blocks and, when
 * given, the printed byline from `OcrPageParse.bylines`. A derived title is not page text of its
 * own (it repeats the body), so it is left out.
 */
export function textOfParsed(article: ParsedArticle, printedByline: string | null = null): string {
  const parts = [article.column, article.kicker, article.titleDerived ? null : article.title, article.subtitle];
  parts.push(blocksToPlainText(article.blocks), printedByline);
  return parts.filter((part): part is string => part !== null && part.length > 0).join("\n");
}

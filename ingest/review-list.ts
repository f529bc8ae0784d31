import fs from "node:fs";
import type { Article } from "@/lib/article/types";
import { rateForReview } from "@/lib/corrections/review-queue";
import { formatWeakestLine } from "@/lib/segmenter/item-confidence";

/**
 * `ingest --review-list FILE`: the articles whose boundaries or byline the page segmenter was
 * least sure of, least sure first, for a person to check: a tab-separated file with the
 * confidence, the source file, the article id and ordinal, its title and why (the least certain
 * line and the label it nearly got). Only items from OCR pages are rated; per-article files and
 * feeds have their boundaries given.
 */

/** Items rated at or above this are not listed: the decoding had a clear margin everywhere. */
export const REVIEW_THRESHOLD = 0.8;

/** Only what the list prints: a long import must not hold every doubtful article's text. */
type Entry = { confidence: number; article: Pick<Article, "id" | "sourceFile" | "ordinal" | "title">; why: string };

export type ReviewList = {
  consider: (article: Article) => void;
  write: (file: string) => { written: number; rated: number; file: string };
};

export function createReviewList(threshold = REVIEW_THRESHOLD): ReviewList {
  const entries: Entry[] = [];
  let rated = 0;
  return {
    consider(article) {
      const rating = article.segmentation;
      const confidence = rateForReview(article);
      if (!rating || confidence === null) return;
      rated++;
      if (confidence >= threshold) return;
      const part = rating.boundary <= rating.byline ? `boundary ${rating.boundary}` : `byline ${rating.byline}`;
      const { id, sourceFile, ordinal, title } = article;
      entries.push({ confidence, article: { id, sourceFile, ordinal, title }, why: `${part}; ${formatWeakestLine(rating.weakest)}` });
    },
    write(file) {
      entries.sort((a, b) => a.confidence - b.confidence || a.article.id.localeCompare(b.article.id));
      const header = ["confidence", "file", "article", "ordinal", "title", "why"].join("\t");
      const rows = entries.map(({ confidence, article, why }) =>
        [confidence.toFixed(3), article.sourceFile, article.id, String(article.ordinal), article.title, why].map(toCell).join("\t"),
      );
      fs.writeFileSync(file, `${[header, ...rows].join("\n")}\n`);
      return { written: entries.length, rated, file };
    },
  };
}

/** Tabs and line breaks inside a cell would break the columns. */
function toCell(value: string): string {
  return value.replace(/[\t\r\n]+/gu, " ");
}

import type { Article } from "@/lib/article/types";
import { applyCorrections } from "@/lib/corrections/apply-corrections";
import { refreshText } from "@/lib/corrections/correct-article";
import { findCorrectionsFor, hasCorrections, recordFit } from "@/lib/corrections/correction-store";
import type { Correction } from "@/lib/corrections/correction-input";
import type { Db } from "@/lib/corrections/database";
import { fingerprintArticle } from "@/lib/corrections/fingerprint";
import { recordReviewItems } from "@/lib/corrections/review-queue";
import { REVIEW_THRESHOLD } from "./review-list";

/**
 * What an import does with the librarians' database: re-applies every correction to the
 * freshly parsed articles of a file (so corrections survive every re-import and --rebuild),
 * records which corrections no longer fit their source text (kept and listed, not applied),
 * and refreshes the review queue from the segmenter's confidence.
 */

export type IngestCorrections = {
  /** The file's articles with corrections applied; `corrected` when any correction applied or no longer fitted. */
  apply: (articles: Article[]) => { articles: Article[]; corrected: boolean };
  /** False when the article may be merged with the one after it: the importer then reads on before writing it. */
  canWriteBefore: (last: Article) => boolean;
  recordReview: (sourcePath: string, articles: readonly Article[]) => void;
  /** How many corrections were applied, and how many did not fit. */
  readonly counts: { applied: number; unfit: number };
};

export function createIngestCorrections(db: Db | null): IngestCorrections {
  const active = db !== null && hasCorrections(db);
  const counts = { applied: 0, unfit: 0 };
  /** What canWriteBefore found for a held article, so apply does not look it up again. */
  const found = new Map<Article, Correction[]>();
  const findFor = (article: Article): Correction[] => {
    let corrections = found.get(article);
    if (!corrections) {
      corrections = db ? findCorrectionsFor(db, [{ id: article.id, fingerprint: fingerprintArticle(article) }]) : [];
      found.set(article, corrections);
    }
    return corrections;
  };
  return {
    counts,
    apply(articles) {
      if (!db || !active || articles.length === 0) return { articles, corrected: false };
      // One lookup per article gives the same corrections as one for the group: each expands on its own.
      const byId = new Map(articles.flatMap((article) => findFor(article)).map((correction) => [correction.id, correction]));
      for (const article of articles) found.delete(article);
      const relevant = [...byId.values()].sort((a, b) => a.seq - b.seq);
      if (relevant.length === 0) return { articles, corrected: false };
      const outcome = applyCorrections(articles, relevant, refreshText);
      for (const correction of outcome.applied) recordFit(db, correction, null);
      for (const { correction, reason } of outcome.unfit) recordFit(db, correction, reason);
      counts.applied += outcome.applied.length;
      counts.unfit += outcome.unfit.length;
      return { articles: outcome.articles, corrected: outcome.applied.length + outcome.unfit.length > 0 };
    },
    canWriteBefore(last) {
      if (!db || !active) return true;
      return !findFor(last).some((correction) => correction.payload.kind === "merge");
    },
    recordReview(sourcePath, articles) {
      if (db && articles.some((article) => article.segmentation)) recordReviewItems(db, sourcePath, articles, REVIEW_THRESHOLD);
    },
  };
}

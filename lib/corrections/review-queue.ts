import type { Article, WeakestLine } from "@/lib/article/types";
import type { Db } from "./database";

/**
 * The articles a person should check: every OCR-page item the segmenter was not sure of
 * (boundary or byline below the threshold, ingest/review-list.ts's measure), recorded by the
 * importer per source file, least sure first. A librarian marks one checked, or corrects it.
 */

export type ReviewItem = {
  articleId: string;
  sourceFile: string;
  title: string;
  date: string | null;
  boundary: number;
  byline: number;
  /** A row written before the line was stored as data holds the English text it had then. */
  weakest: WeakestLine | string;
  checkedBy: string | null;
  checkedAt: string | null;
};

/** How sure the segmenter was of an item: its boundaries or its byline, whichever is less; null for an item it did not rate. */
export function rateForReview(article: Pick<Article, "kind" | "segmentation">): number | null {
  const rating = article.segmentation;
  return rating && article.kind !== "remainder" ? Math.min(rating.boundary, rating.byline) : null;
}

/** An item rated below the threshold: what the review queue and `ingest --review-list` hold. */
export function isListedForReview(article: Pick<Article, "kind" | "segmentation">, threshold: number): boolean {
  const confidence = rateForReview(article);
  return confidence !== null && confidence < threshold;
}

/** Replaces the items of one source file with those of its latest import. */
export function recordReviewItems(db: Db, sourcePath: string, articles: readonly Article[], threshold: number): void {
  const insert = db.prepare(
    `INSERT INTO review_items (article_id, source_path, source_file, title, date, boundary, byline, weakest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET source_path = excluded.source_path, source_file = excluded.source_file, title = excluded.title,
       date = excluded.date, boundary = excluded.boundary, byline = excluded.byline, weakest = excluded.weakest`,
  );
  const keepMark = db.prepare("UPDATE review_items SET checked_by = ?, checked_at = ? WHERE article_id = ?");
  db.transaction(() => {
    // An item already checked keeps its mark when the same article comes back unchanged.
    const checked = new Map(
      db
        .prepare<[string], { article_id: string; checked_by: string; checked_at: string }>("SELECT article_id, checked_by, checked_at FROM review_items WHERE source_path = ? AND checked_at IS NOT NULL")
        .all(sourcePath)
        .map((row) => [row.article_id, row]),
    );
    db.prepare("DELETE FROM review_items WHERE source_path = ?").run(sourcePath);
    for (const article of articles) {
      const rating = article.segmentation;
      if (!rating || !isListedForReview(article, threshold)) continue;
      insert.run(article.id, sourcePath, article.sourceFile, article.title, article.date, rating.boundary, rating.byline, JSON.stringify(rating.weakest));
      const mark = checked.get(article.id);
      if (mark) keepMark.run(mark.checked_by, mark.checked_at, article.id);
    }
  })();
}

type Row = { article_id: string; source_file: string; title: string; date: string | null; boundary: number; byline: number; weakest: string; checked_by: string | null; checked_at: string | null };

export function listReviewItems(db: Db, options: { includeChecked?: boolean; limit?: number; offset?: number } = {}): { items: ReviewItem[]; total: number } {
  const where = options.includeChecked ? "" : "WHERE checked_at IS NULL";
  const total = (db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM review_items ${where}`).get()?.n ?? 0);
  const rows = db
    .prepare<[number, number], Row>(`SELECT * FROM review_items ${where} ORDER BY MIN(boundary, byline), article_id LIMIT ? OFFSET ?`)
    .all(options.limit ?? 50, options.offset ?? 0);
  return {
    total,
    items: rows.map((row) => ({
      articleId: row.article_id,
      sourceFile: row.source_file,
      title: row.title,
      date: row.date,
      boundary: row.boundary,
      byline: row.byline,
      weakest: readWeakestLine(row.weakest),
      checkedBy: row.checked_by,
      checkedAt: row.checked_at,
    })),
  };
}

/** Marks an item checked; false when the article is not in the queue. */
export function markReviewed(db: Db, articleId: string, librarian: string): boolean {
  return db.prepare("UPDATE review_items SET checked_by = ?, checked_at = ? WHERE article_id = ?").run(librarian, new Date().toISOString(), articleId).changes > 0;
}

function readWeakestLine(stored: string): WeakestLine | string {
  try {
    return JSON.parse(stored) as WeakestLine;
  } catch {
    return stored;
  }
}

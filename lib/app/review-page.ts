import { z } from "zod";
import { findAuthorSuspects, type AuthorSuspect } from "@/lib/corrections/author-review";
import type { Correction } from "@/lib/corrections/correction-input";
import { listAllCorrections } from "@/lib/corrections/correction-store";
import { getDatabase } from "@/lib/corrections/database";
import { listReviewItems, type ReviewItem } from "@/lib/corrections/review-queue";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { loadAuthorDirectory } from "@/lib/search/author-directory";

export const REVIEW_PAGE_SIZE = 50;

const ParamsSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export type ReviewPageData = {
  items: ReviewItem[];
  total: number;
  page: number;
  stale: Correction[];
  /** Null when the engine is down: the rest of the queue comes from the database and still shows. */
  suspects: AuthorSuspect[] | null;
};

/** The review queue: least certain articles first, corrections that no longer fit, and authors to check. */
export async function loadReviewPage(raw: Record<string, string | string[] | undefined>): Promise<ReviewPageData> {
  const { page } = ParamsSchema.parse({ page: typeof raw.page === "string" ? raw.page : undefined });
  const db = getDatabase();
  const { items, total } = listReviewItems(db, { limit: REVIEW_PAGE_SIZE, offset: (page - 1) * REVIEW_PAGE_SIZE });
  let suspects: AuthorSuspect[] | null = null;
  try {
    suspects = findAuthorSuspects(await loadAuthorDirectory());
  } catch (error) {
    if (!(error instanceof EngineUnavailableError)) throw error;
  }
  return { items, total, page, stale: listAllCorrections(db, { staleOnly: true }), suspects };
}

import { z } from "zod";
import { ARTICLE_ID, type Article } from "@/lib/article/types";
import { CorrectionPayloadSchema, type Correction } from "./correction-input";
import { insertCorrection, listAllCorrections, readAudit, readCorrection } from "./correction-store";
import type { Db } from "./database";

/**
 * `npm run corrections -- export|import FILE`: corrections as JSON, to move them between
 * installations. Each keeps its id, author, time and the snapshots it was made with, so an
 * import is idempotent (a correction already present is skipped) and an imported correction
 * can be undone like a local one.
 */

export const TRANSFER_FORMAT = "baoku-corrections";

const Snapshot = z.array(z.record(z.string(), z.unknown())).nullable();
const TransferredCorrection = z.strictObject({
  id: z.uuid(),
  articleId: z.string().regex(ARTICLE_ID),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  payload: CorrectionPayloadSchema,
  createdBy: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  undoneBy: z.string().max(64).nullable(),
  undoneAt: z.iso.datetime().nullable(),
  before: Snapshot,
  after: Snapshot,
});
const TransferFile = z.strictObject({ format: z.literal(TRANSFER_FORMAT), version: z.literal(1), exportedAt: z.string(), corrections: z.array(TransferredCorrection) });
export type TransferFile = z.infer<typeof TransferFile>;

export function exportCorrections(db: Db): TransferFile {
  return {
    format: TRANSFER_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    corrections: listAllCorrections(db).map((correction) => {
      const made = readAudit(db, correction.id).find((entry) => entry.action === "apply" || entry.action === "import");
      return {
        id: correction.id,
        articleId: correction.articleId,
        fingerprint: correction.fingerprint,
        payload: correction.payload,
        createdBy: correction.createdBy,
        createdAt: correction.createdAt,
        undoneBy: correction.undoneBy,
        undoneAt: correction.undoneAt,
        before: (made?.before ?? null) as TransferFile["corrections"][number]["before"],
        after: (made?.after ?? null) as TransferFile["corrections"][number]["after"],
      };
    }),
  };
}

export type ImportOutcome = { imported: Correction[]; skipped: number };

/** Validates the whole file first (a message naming the first bad place), then imports in one transaction. */
export function importCorrections(db: Db, json: unknown, importedBy: string): ImportOutcome {
  const parsed = TransferFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`not a Baoku corrections file: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  const imported: Correction[] = [];
  let skipped = 0;
  db.transaction(() => {
    for (const item of parsed.data.corrections) {
      if (readCorrection(db, item.id)) {
        skipped += 1;
        continue;
      }
      insertCorrection(
        db,
        { articleId: item.articleId, fingerprint: item.fingerprint, payload: item.payload, librarian: item.createdBy, before: (item.before ?? []) as Article[], after: (item.after ?? []) as Article[] },
        { id: item.id, createdAt: item.createdAt, action: "import" },
      );
      if (item.undoneAt) db.prepare("UPDATE corrections SET undone_by = ?, undone_at = ? WHERE id = ?").run(item.undoneBy ?? importedBy, item.undoneAt, item.id);
      imported.push(readCorrection(db, item.id)!);
    }
  })();
  return { imported, skipped };
}


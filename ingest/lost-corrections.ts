import { hasCorrections, listCorrectionsOf, recordFit } from "@/lib/corrections/correction-store";
import type { Db } from "@/lib/corrections/database";
import type { IndexDocument, SourceStamp } from "@/lib/search/documents";
import { readDocuments } from "@/lib/search/read-documents";
import type { Shard } from "@/lib/search/shards";
import { buildFilterIn } from "./filter-lists";

/**
 * Before a changed file's old articles are removed: a correction of one of them that this run
 * did not find again (neither by id nor by its text) no longer fits. It is kept and flagged,
 * so `npm run corrections -- list --stale` and the review queue show it, never dropped silently.
 */
export async function flagLostCorrections(db: Db, shards: readonly Shard[], indexUid: string, stamps: readonly SourceStamp[], produced: ReadonlySet<string>): Promise<number> {
  if (!hasCorrections(db)) return 0;
  let flagged = 0;
  for (let start = 0; start < stamps.length; start += 200) {
    const chunk = stamps.slice(start, start + 200);
    const filter = `${buildFilterIn("sourcePath", chunk.map((stamp) => stamp.sourcePath))} AND NOT ${buildFilterIn("fileKey", chunk.map((stamp) => stamp.fileKey))}`;
    for (const shard of shards) {
      for await (const page of readDocuments<"id" | "sourceFile">({ client: shard.client, indexUid }, { fields: ["id", "sourceFile"], filter })) {
        const gone = new Map(
          page.filter((row): row is Pick<IndexDocument, "id" | "sourceFile"> => row.id !== undefined && !produced.has(row.id)).map((row) => [row.id, row.sourceFile]),
        );
        if (gone.size === 0) continue;
        // One look-up per page of articles, not one per article.
        for (const correction of listCorrectionsOf(db, [...gone.keys()])) {
          const sourceFile = gone.get(correction.articleId);
          if (correction.undoneAt || sourceFile === undefined) continue;
          recordFit(db, correction, `原文件 ${sourceFile} 已改动，找不到更正时的文章 ${correction.articleId}`);
          flagged += 1;
        }
      }
    }
  }
  return flagged;
}

import type { QueryTarget } from "@/lib/search/engine-search";
import { readDocuments } from "@/lib/search/read-documents";

/** Every source file the archive holds articles from (on every engine), by canonical path (`sourcePath`), with the number of articles. */
export async function listIndexedSourcePaths(target: QueryTarget): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const page of readDocuments(target, { fields: ["sourcePath"] })) {
    for (const document of page) {
      if (document.sourcePath) counts.set(document.sourcePath, (counts.get(document.sourcePath) ?? 0) + 1);
    }
  }
  return counts;
}

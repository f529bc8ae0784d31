import type { EngineClient } from "@/lib/search/engine/client";
import { readDocuments } from "@/lib/search/read-documents";

/** Every source file the index holds articles from, by canonical path (`sourcePath`), with the number of articles. */
export async function listIndexedSourcePaths(client: EngineClient, indexUid: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const page of readDocuments({ client, indexUid }, { fields: ["sourcePath"] })) {
    for (const document of page) {
      if (document.sourcePath) counts.set(document.sourcePath, (counts.get(document.sourcePath) ?? 0) + 1);
    }
  }
  return counts;
}

import type { EngineClient } from "@/lib/search/engine/http-client";

/** Every source file the index holds articles from, by canonical path (`sourcePath`), with the number of articles. */
export async function listIndexedSourcePaths(client: EngineClient, indexUid: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const limit = 10_000;
  for (let offset = 0; ; offset += limit) {
    const page = await client.request<{ results: Array<{ sourcePath?: string }>; total: number }>(
      "POST",
      `/indexes/${indexUid}/documents/fetch`,
      { fields: ["sourcePath"], limit, offset },
    );
    for (const document of page.results) {
      if (document.sourcePath) counts.set(document.sourcePath, (counts.get(document.sourcePath) ?? 0) + 1);
    }
    if (offset + limit >= page.total) break;
  }
  return counts;
}

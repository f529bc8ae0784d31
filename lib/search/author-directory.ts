import { aggregateAuthors, type AuthorEntry, type BylineRecord } from "@/lib/authors/directory";
import { readCurrentIndexVersion } from "./index-version";
import { createMemo } from "./memo";
import { getSearchContext, type SearchContext } from "./search-articles";

/**
 * The author directory built from every article's byline. Aggregating reads
 * only three small fields of each document (`npm run bench:scale` times it at
 * 84k and 500k articles); the result is computed once per index version, so
 * the directory, author pages and the API share one computation until the
 * index changes.
 */
const PAGE = 10_000;
const directories = createMemo<AuthorEntry[]>({ maxEntries: 4, ttlMs: 24 * 3600_000 });

export async function loadAuthorDirectory(context: SearchContext = getSearchContext()): Promise<AuthorEntry[]> {
  const version = await readCurrentIndexVersion(context);
  return directories.get(version, () => readBylineRecords(context).then(aggregateAuthors));
}

async function readBylineRecords({ client, indexUid }: SearchContext): Promise<BylineRecord[]> {
  const records: BylineRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.request<{ results: Array<Partial<BylineRecord>>; total: number }>(
      "POST",
      `/indexes/${indexUid}/documents/fetch`,
      { fields: ["bylines", "source", "date"], limit: PAGE, offset, filter: "authors IS NOT EMPTY" },
      { timeoutMs: 60_000 },
    );
    for (const document of page.results) {
      if (document.bylines && document.bylines.length > 0) {
        records.push({ bylines: document.bylines, source: document.source ?? "", date: document.date ?? null });
      }
    }
    if (offset + PAGE >= page.total) break;
  }
  return records;
}

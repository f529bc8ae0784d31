import { aggregateAuthors, type AuthorEntry, type BylineRecord } from "@/lib/authors/directory";
import { getSearchContext, type SearchContext } from "./search-articles";

/**
 * The author directory built from every article's byline. Aggregating reads
 * only three small fields of each document; the result is cached briefly so
 * the directory, author pages and the API share one computation.
 */
const CACHE_MS = 60_000;
const PAGE = 10_000;
const cache = new Map<string, { at: number; count: number; entries: Promise<AuthorEntry[]> }>();

export async function loadAuthorDirectory(context: SearchContext = getSearchContext()): Promise<AuthorEntry[]> {
  const key = `${context.client.connection.url}/${context.indexUid}`;
  const stats = await context.client.request<{ numberOfDocuments: number }>("GET", `/indexes/${context.indexUid}/stats`);
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < CACHE_MS && cached.count === stats.numberOfDocuments) return cached.entries;
  const entries = readBylineRecords(context).then(aggregateAuthors);
  cache.set(key, { at: Date.now(), count: stats.numberOfDocuments, entries });
  entries.catch(() => cache.delete(key));
  return entries;
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

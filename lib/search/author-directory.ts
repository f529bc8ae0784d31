import { aggregateAuthors, type AuthorEntry, type BylineRecord } from "@/lib/authors/directory";
import { BYLINE_RECORD_FIELDS } from "./documents";
import { readCurrentIndexVersion } from "./index-version";
import { createMemo } from "./memo";
import { readDocuments } from "./read-documents";
import { getSearchContext, type SearchContext } from "./search-articles";

/**
 * The author directory built from every article's byline. Aggregating reads
 * only three small fields of each document (`npm run bench:scale` times it at
 * 84k and 500k articles); the result is computed once per index version, so
 * the directory, author pages and the API share one computation until the
 * index changes.
 */
const directories = createMemo<AuthorEntry[]>({ maxEntries: 4, ttlMs: 24 * 3600_000 });

/** `version`: one the caller read fresh (as searchArticles takes it); the cached one (at most a second old) otherwise. */
export async function loadAuthorDirectory(context: SearchContext = getSearchContext(), { version: known }: { version?: string } = {}): Promise<AuthorEntry[]> {
  const version = known ?? (await readCurrentIndexVersion(context));
  return directories.get(version, () => readBylineRecords(context).then(aggregateAuthors));
}

async function readBylineRecords(context: SearchContext): Promise<BylineRecord[]> {
  const records: BylineRecord[] = [];
  const pages = readDocuments(context, { fields: BYLINE_RECORD_FIELDS, filter: "authors IS NOT EMPTY" });
  for await (const page of pages) {
    for (const document of page) {
      if (document.bylines && document.bylines.length > 0) {
        records.push({ bylines: document.bylines, source: document.source ?? "", date: document.date ?? null });
      }
    }
  }
  return records;
}

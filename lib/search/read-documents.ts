import type { RecordAny } from "meilisearch";
import type { IndexDocument } from "./documents";
import type { EngineClient } from "./engine/client";
import type { SearchContext } from "./search-articles";
import { listEngines } from "./shard-calls";

/**
 * Every document of an index (or of a filter of it), a page at a time, with
 * only the fields asked for: the author directory, author pages and ingest's
 * list of indexed files all read the archive this way. Fields are names of
 * `IndexDocument`, so a renamed field fails to compile here, not at run time.
 */

const PAGE_SIZE = 10_000;
const PAGE_TIMEOUT_MS = 60_000;

export type DocumentsRead<F extends Extract<keyof IndexDocument, string>> = { fields: readonly F[]; filter?: string | null; pageSize?: number };

/** A stored document's fields as asked; a document written by an older version may lack some. */
export type StoredFields<F extends Extract<keyof IndexDocument, string>> = Partial<Pick<IndexDocument, F>>;

export async function* readDocuments<F extends Extract<keyof IndexDocument, string>>(
  target: SearchContext,
  read: DocumentsRead<F>,
): AsyncGenerator<Array<StoredFields<F>>> {
  // A sharded archive is read engine after engine; each holds its own articles.
  for (const { client } of listEngines(target)) yield* readEngine(client, target.indexUid, read);
}

async function* readEngine<F extends Extract<keyof IndexDocument, string>>(
  client: EngineClient,
  indexUid: string,
  { fields, filter, pageSize = PAGE_SIZE }: DocumentsRead<F>,
): AsyncGenerator<Array<StoredFields<F>>> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await client.call(
      (meili) =>
        meili.index(indexUid).getDocuments<RecordAny>({ fields: [...fields] as string[], limit: pageSize, offset, ...(filter ? { filter } : {}) }),
      { timeoutMs: PAGE_TIMEOUT_MS },
    );
    // The engine returned only the fields asked for.
    yield page.results as Array<StoredFields<F>>;
    if (offset + pageSize >= page.total) return;
  }
}

import { buildAuthorProfile, type AuthorProfile, type ProfileRecord } from "@/lib/authors/profile";
import { AUTHOR_PROFILE_FIELDS } from "./documents";
import { countHits } from "./engine-search";
import { buildEqualsCondition, joinAllOf } from "./filter";
import { readDocuments } from "./read-documents";
import { getSearchContext, type SearchContext } from "./search-articles";

const PAGE = 5_000;

/** Whether anyone of this name has an article (in this paper, when one is named): one count, no documents read. */
export async function hasAuthor(name: string, paper: string | null, context: SearchContext = getSearchContext()): Promise<boolean> {
  return (await countHits(context, { q: "", filter: toAuthorFilter(name, paper) })) > 0;
}

function toAuthorFilter(name: string, paper: string | null): string {
  // Never null: the author's condition is always there.
  return joinAllOf([buildEqualsCondition("authors", name), paper ? buildEqualsCondition("source", paper) : null])!;
}

/** One person's articles in one paper, summarised; null when they have none. */
export async function loadAuthorProfile(name: string, paper: string | null, context: SearchContext = getSearchContext()): Promise<AuthorProfile[] | null> {
  const filter = toAuthorFilter(name, paper);
  const byPaper = new Map<string, ProfileRecord[]>();
  const pages = readDocuments(context, { fields: AUTHOR_PROFILE_FIELDS, filter, pageSize: PAGE });
  for await (const page of pages) {
    for (const record of page) {
      if (!record.id) continue;
      const source = record.source ?? "";
      const list = byPaper.get(source) ?? [];
      list.push({ id: record.id, date: record.date ?? null, bylines: record.bylines ?? [], topics: record.topics ?? [] });
      byPaper.set(source, list);
    }
  }
  if (byPaper.size === 0) return null;
  // Same-name people in different papers are different people until shown otherwise.
  return [...byPaper]
    .map(([source, records]) => buildAuthorProfile(name, source, records))
    .sort((a, b) => b.count - a.count);
}

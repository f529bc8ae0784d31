import { buildAuthorProfile, type AuthorProfile, type ProfileRecord } from "@/lib/authors/profile";
import { AUTHOR_PROFILE_FIELDS } from "./documents";
import { buildEqualsCondition, joinAllOf } from "./filter";
import { readDocuments } from "./read-documents";
import { getSearchContext, type SearchContext } from "./search-articles";

const PAGE = 5_000;

/** One person's articles in one paper, summarised; null when they have none. */
export async function loadAuthorProfile(name: string, paper: string | null, context: SearchContext = getSearchContext()): Promise<AuthorProfile[] | null> {
  const filter = joinAllOf([buildEqualsCondition("authors", name), paper ? buildEqualsCondition("source", paper) : null]);
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

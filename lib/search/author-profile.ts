import { buildAuthorProfile, type AuthorProfile, type ProfileRecord } from "@/lib/authors/profile";
import { buildEqualsCondition, joinAllOf } from "./filter";
import { getSearchContext, type SearchContext } from "./search-articles";

const PAGE = 5_000;

/** One person's articles in one paper, summarised; null when they have none. */
export async function loadAuthorProfile(name: string, paper: string | null, context: SearchContext = getSearchContext()): Promise<AuthorProfile[] | null> {
  const filter = joinAllOf([buildEqualsCondition("authors", name), paper ? buildEqualsCondition("source", paper) : null]);
  const byPaper = new Map<string, ProfileRecord[]>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.client.request<{ results: Array<ProfileRecord & { source: string }>; total: number }>(
      "POST",
      `/indexes/${context.indexUid}/documents/fetch`,
      { fields: ["id", "date", "bylines", "topics", "source"], filter, limit: PAGE, offset },
      { timeoutMs: 60_000 },
    );
    for (const record of page.results) {
      const list = byPaper.get(record.source) ?? [];
      list.push({ id: record.id, date: record.date ?? null, bylines: record.bylines ?? [], topics: record.topics ?? [] });
      byPaper.set(record.source, list);
    }
    if (offset + PAGE >= page.total) break;
  }
  if (byPaper.size === 0) return null;
  // Same-name people in different papers are different people until shown otherwise.
  return [...byPaper]
    .map(([source, records]) => buildAuthorProfile(name, source, records))
    .sort((a, b) => b.count - a.count);
}

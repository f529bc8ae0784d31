import type { AuthorProfile } from "@/lib/authors/profile";
import { loadAuthorProfile } from "@/lib/search/author-profile";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { searchArticles, type SearchResult } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";

export type AuthorPageData =
  | { kind: "ok"; profiles: Array<{ profile: AuthorProfile; recent: SearchResult }> }
  | { kind: "missing" }
  | { kind: "unavailable" };

/** Names come from the URL: 1–40 characters, no slashes or control characters. */
function isValidAuthorName(name: string): boolean {
  return name.length >= 1 && name.length <= 40 && !/[\/\\\p{Cc}]/u.test(name);
}

/** A name (and paper, when one is named) the author page looks up at all; any other is missing. */
export function isAuthorLookup(name: string, paper: string | null): boolean {
  return isValidAuthorName(name) && (paper === null || paper.length <= 100);
}

export async function loadAuthorPage(name: string, paper: string | null): Promise<AuthorPageData> {
  if (!isAuthorLookup(name, paper)) return { kind: "missing" };
  try {
    const profiles = await loadAuthorProfile(name, paper);
    if (!profiles) return { kind: "missing" };
    const withRecent = await Promise.all(
      profiles.map(async (profile) => ({
        profile,
        recent: await searchArticles(SearchRequestSchema.parse({ author: [name], source: [profile.paper], sort: "newest", size: 10 })),
      })),
    );
    return { kind: "ok", profiles: withRecent };
  } catch (error) {
    if (error instanceof EngineUnavailableError) return { kind: "unavailable" };
    throw error;
  }
}

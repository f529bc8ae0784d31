import { hasArticle } from "@/lib/search/search-articles";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { hasAuthor } from "@/lib/search/author-profile";
import { isAuthorLookup } from "./author-page";
import { parseBrowseSegment } from "./browse-page";

/**
 * URLs that name something that does not exist: an unknown article id, a
 * malformed browse date, an author with no article (in the paper `?paper=`
 * names). The proxy answers them with the 404 page before rendering, because
 * Next renders `notFound()` thrown by a page only on the client (the server
 * sends an empty error shell: vercel/next.js#62228), and because a page under
 * a loading skeleton has already sent status 200.
 */

export const MISSING_HEADER = "x-baoku-missing";
export type MissingKind = "article" | "date" | "author";

export async function findMissingResource(pathname: string, search: URLSearchParams = new URLSearchParams()): Promise<MissingKind | null> {
  const article = /^\/articles\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (article !== undefined) return (await isMissing(() => isMissingArticle(decodeSegment(article)))) ? "article" : null;
  const author = /^\/authors\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (author !== undefined) return (await isMissing(() => isMissingAuthor(decodeSegment(author), search.get("paper") || null))) ? "author" : null;
  const date = /^\/browse\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (date !== undefined) return parseBrowseSegment(decodeSegment(date) ?? "") ? null : "date";
  return null;
}

async function isMissingArticle(id: string | null): Promise<boolean> {
  return id === null || !(await hasArticle(id));
}

/** The author page's own rule (loadAuthorPage): a name it would not look up is missing too. */
async function isMissingAuthor(name: string | null, paper: string | null): Promise<boolean> {
  if (name === null || !isAuthorLookup(name, paper)) return true;
  return !(await hasAuthor(name, paper));
}

async function isMissing(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch (error) {
    // The page itself reports a down engine; here only a definite "no such thing" counts.
    if (error instanceof EngineUnavailableError) return false;
    throw error;
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

import { hasArticle } from "@/lib/search/search-articles";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { parseBrowseSegment } from "./browse-page";

/**
 * URLs that name something that does not exist: an unknown article id, a
 * malformed browse date. The proxy answers them with the 404 page before
 * rendering, because Next renders `notFound()` thrown by a page only on the
 * client (the server sends an empty error shell: vercel/next.js#62228), and
 * because a page under a loading skeleton has already sent status 200.
 */

export const MISSING_HEADER = "x-baoku-missing";
export type MissingKind = "article" | "date";

export async function findMissingResource(pathname: string): Promise<MissingKind | null> {
  const article = /^\/articles\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (article !== undefined) return (await isMissingArticle(decodeSegment(article))) ? "article" : null;
  const date = /^\/browse\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (date !== undefined) return parseBrowseSegment(decodeSegment(date) ?? "") ? null : "date";
  return null;
}

async function isMissingArticle(id: string | null): Promise<boolean> {
  if (id === null) return true;
  try {
    return !(await hasArticle(id));
  } catch (error) {
    // The page itself reports a down engine; here only a definite "no such article" counts.
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

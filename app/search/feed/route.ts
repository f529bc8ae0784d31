import type { NextRequest } from "next/server";
import { answerError, answerFailure } from "@/lib/api/respond";
import { readSearchRequest } from "@/lib/app/search-page";
import { ATOM_CONTENT_TYPE } from "@/lib/feed/atom-feed";
import { renderSearchFeed } from "@/lib/feed/search-feed";

export const dynamic = "force-dynamic";

/**
 * GET /search/feed?<the parameters of /search> — the saved search as an Atom
 * feed (lib/feed/search-feed.ts). Bad input gets the JSON API's 400 naming
 * the parameter, a down engine its 503.
 */
export async function GET(request: NextRequest) {
  const parsed = readSearchRequest(request.nextUrl.searchParams);
  if (!parsed.ok) return answerError(400, "invalid_parameter", parsed.message);
  try {
    const feed = await renderSearchFeed(parsed.request, request.nextUrl.origin);
    return new Response(feed, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return answerFailure(error);
  }
}

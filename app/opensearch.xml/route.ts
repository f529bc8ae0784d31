import type { NextRequest } from "next/server";
import { OPENSEARCH_CONTENT_TYPE, renderOpenSearchDescription } from "@/lib/app/opensearch-description";

export const dynamic = "force-dynamic";

/** GET /opensearch.xml — the browser search-bar description, with absolute URLs for this origin. */
export function GET(request: NextRequest) {
  return new Response(renderOpenSearchDescription(request.nextUrl.origin), {
    headers: { "Content-Type": OPENSEARCH_CONTENT_TYPE, "Cache-Control": "public, max-age=3600", Vary: "Host" },
  });
}

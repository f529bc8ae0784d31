import { NextResponse, type NextRequest } from "next/server";
import { isDocumentRequest, isDocumentTwinPath, toDocumentPath } from "@/lib/app/document-routes";
import { renderEngineDownPage } from "@/lib/app/engine-down-page";
import { findMissingResource, MISSING_HEADER, type MissingKind } from "@/lib/app/missing-resource";
import { isEngineReachable } from "@/lib/search/engine-health";

/**
 * The front door of every page. Statuses are decided here, before rendering
 * starts (a streamed page's status is fixed at 200):
 * - search engine down → 503 with a plain explanation;
 * - unknown article or malformed browse date → the app's 404 page, rendered
 *   on the server (see missing-resource.ts);
 * - full document requests go to whole-document twins of the streamed pages,
 *   so they work without JavaScript (see document-routes.ts).
 * JSON routes answer their own errors and are left alone.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!(await isEngineReachable())) {
    return new NextResponse(renderEngineDownPage(`${pathname}${search}`), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30" },
    });
  }
  // Statuses only matter to whole documents; a client navigation to a missing article renders the page's own notFound().
  const missing = isDocumentTwinPath(pathname) ? "page" : isDocumentRequest(request.headers) ? await findMissingResource(pathname) : null;
  if (missing) return rewriteToNotFound(request, missing);
  const documentPath = toDocumentPath(pathname, request.headers);
  return documentPath ? NextResponse.rewrite(new URL(`${documentPath}${search}`, request.url)) : NextResponse.next();
}

/** A path no route matches renders app/not-found.tsx on the server with status 404; the header says what was missing. */
function rewriteToNotFound(request: NextRequest, missing: MissingKind | "page"): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(MISSING_HEADER, missing);
  return NextResponse.rewrite(new URL("/_missing", request.url), { request: { headers } });
}

export const config = {
  // Every page route; not JSON routes (they answer their own errors), Next's assets or files with an extension.
  matcher: ["/((?!api/|search/authors|_next/|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)"],
};

import { NextResponse, type NextRequest } from "next/server";
import { checkRequestLimits, isJsonRoute, type RequestRefusal } from "@/lib/api/request-limits";
import { answerError } from "@/lib/api/respond";
import { renderUrlTooLongPage } from "@/lib/api/url-too-long-page";
import { isDocumentRequest, isDocumentTwinPath, toDocumentPath } from "@/lib/app/document-routes";
import { renderEngineDownPage } from "@/lib/app/engine-down-page";
import { buildContentSecurityPolicy, createNonce, NONCE_HEADER } from "@/lib/app/content-security";
import { findMissingResource, MISSING_HEADER } from "@/lib/app/missing-resource";
import { isEngineReachable } from "@/lib/search/engine-health";

/**
 * The front door of every page and API route: request limits first (both),
 * then, for pages, statuses decided before rendering starts (a streamed
 * page's status is fixed at 200):
 * - search engine down → 503 with a plain explanation;
 * - unknown article or malformed browse date → the app's 404 page, rendered
 *   on the server (see missing-resource.ts);
 * - full document requests go to whole-document twins of the streamed pages,
 *   so they work without JavaScript (see document-routes.ts).
 * - oversized requests are refused first (lib/api/request-limits.ts): a URL
 *   over the limit gets 414 (JSON for JSON routes, a short page otherwise),
 *   and JSON routes also refuse other methods than GET (405) and bodies
 *   (413, 411);
 * JSON routes otherwise answer their own errors and are left alone.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const json = isJsonRoute(pathname);
  const target = new URL(request.url);
  const refusal = checkRequestLimits({ method: request.method, target: `${target.pathname}${target.search}`, headers: request.headers }, json ? "json" : "page");
  if (refusal) return refuse(refusal, json);
  if (json) return NextResponse.next();
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce);
  if (!(await isEngineReachable())) {
    return new NextResponse(renderEngineDownPage(`${pathname}${search}`), {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30", "Content-Security-Policy": policy },
    });
  }
  // Next reads the policy from the request to put the nonce on its scripts; the layout reads x-nonce for its own.
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", policy);
  // Statuses only matter to whole documents; a client navigation to a missing article renders the page's own notFound().
  const missing = isDocumentTwinPath(pathname) ? "page" : isDocumentRequest(request.headers) ? await findMissingResource(pathname, request.nextUrl.searchParams) : null;
  if (missing) headers.set(MISSING_HEADER, missing);
  const documentPath = missing ? "/_missing" : toDocumentPath(pathname, request.headers);
  // A path no route matches (/_missing) renders app/not-found.tsx on the server with status 404.
  const response = documentPath
    ? NextResponse.rewrite(new URL(`${documentPath}${missing ? "" : search}`, request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function refuse(refusal: RequestRefusal, json: boolean): NextResponse {
  const response = json
    ? answerError(refusal.status, refusal.code, refusal.message)
    : new NextResponse(renderUrlTooLongPage(refusal), {
        status: refusal.status,
        headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": buildContentSecurityPolicy(createNonce()) },
      });
  for (const [name, value] of Object.entries(refusal.headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every page and JSON route (JSON routes only for the request limits); not Next's assets or files with an extension.
  matcher: ["/((?!_next/|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)"],
};

/**
 * Size and method limits, checked by proxy.ts before any route runs, so an
 * oversized request gets a clear 4xx naming the limit instead of reaching
 * the parsers (or failing with a 500). JSON routes get JSON
 * (lib/api/respond.ts), pages a small readable page (url-too-long-page.ts).
 *
 * How the limits fit together:
 * - the longest `q` the search schema accepts (1,000 UTF-16 units,
 *   lib/search/search-request.ts) percent-encodes to at most 9,000 characters
 *   (a BMP character is 3 UTF-8 bytes, `%XX` each), so a full-length query
 *   plus filters fits in MAX_URL_LENGTH;
 * - Node's HTTP server refuses a header section over 16 KB (request line
 *   included) with a bare 431 before the app sees it; MAX_URL_LENGTH leaves
 *   4 KB of that for the other headers, so up to there the reader gets this
 *   module's message. request-limits.test.ts checks both.
 */

/** Longest request target accepted: path plus query string as sent (percent-encoded), in characters. */
export const MAX_URL_LENGTH = 12 * 1024;

/** Largest request body a JSON route accepts: the read routes take GET, and a correction is a few kB. */
export const MAX_API_BODY_BYTES = 16 * 1024;

/** The JSON routes only answer GET; Next implements HEAD and OPTIONS for them. */
export const API_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

export type RequestRefusal = {
  status: 405 | 411 | 413 | 414;
  code: "method_not_allowed" | "length_required" | "body_too_large" | "url_too_long";
  /** Chinese, then English; names the limit. */
  message: string;
  headers: Record<string, string>;
};

export type RequestShape = {
  method: string;
  /** Path and query string as sent, e.g. `/api/search?q=%E5%AD%97`. */
  target: string;
  /** Only these two are read, so a server can pass Node's headers without building a `Headers`. */
  headers: Pick<Headers, "get" | "has">;
};

/**
 * Routes read by programs, which answer their own errors in JSON: the API, the
 * search page's author lookup, and the saved-search feed (Atom, but its 400s
 * and 503s are the API's, and a feed reader must not be handed an HTML page).
 */
export function isJsonRoute(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/") || PROGRAM_ROUTES.has(pathname);
}

/** Route handlers outside /api (kept as a list here so the proxy's bundle does not pull in search code). */
const PROGRAM_ROUTES: ReadonlySet<string> = new Set(["/search/authors", "/search/feed", "/librarian/session"]);

/** The routes that change something (librarians only): they take POST and nothing else. */
const CHANGE_ROUTES = /^\/(?:api\/corrections(?:\/[A-Za-z0-9-]{1,64}\/undo)?|api\/review|librarian\/session)$/;
export const CHANGE_METHODS = ["POST", "OPTIONS"] as const;

export function isChangeRoute(pathname: string): boolean {
  return CHANGE_ROUTES.test(pathname);
}

/** Why the request is refused, or null. Pages are only held to the URL limit; JSON routes also to method and body. */
export function checkRequestLimits(request: RequestShape, kind: "json" | "page"): RequestRefusal | null {
  const length = request.target.length;
  if (length > MAX_URL_LENGTH) {
    return {
      status: 414,
      code: "url_too_long",
      message: `网址过长：${length} 个字符，上限 ${MAX_URL_LENGTH}。 / URL too long: ${length} characters, the limit is ${MAX_URL_LENGTH}.`,
      headers: {},
    };
  }
  if (kind === "page") return null;
  const method = request.method.toUpperCase();
  const changes = isChangeRoute(new URL(request.target, "http://x").pathname);
  const allowed: readonly string[] = changes ? CHANGE_METHODS : API_METHODS;
  if (!allowed.includes(method)) {
    return {
      status: 405,
      code: "method_not_allowed",
      message: changes
        ? `不支持 ${method} 请求，此地址只接受 POST。 / Method ${method} is not allowed: this address only takes POST.`
        : `不支持 ${method} 请求，接口只接受 GET。 / Method ${method} is not allowed: the API only answers GET.`,
      headers: { Allow: allowed.join(", ") },
    };
  }
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const bytes = Number(declared);
    if (!/^\d+$/.test(declared.trim()) || bytes > MAX_API_BODY_BYTES) {
      return {
        status: 413,
        code: "body_too_large",
        message: `请求体过大：${declared.trim()} 字节，上限 ${MAX_API_BODY_BYTES} 字节。 / Request body too large: ${declared.trim()} bytes, the limit is ${MAX_API_BODY_BYTES} bytes.`,
        headers: { Connection: "close" },
      };
    }
  } else if (request.headers.has("transfer-encoding")) {
    return {
      status: 411,
      code: "length_required",
      message: `请求体须注明长度（Content-Length），上限 ${MAX_API_BODY_BYTES} 字节。 / A request body needs a Content-Length, at most ${MAX_API_BODY_BYTES} bytes.`,
      headers: { Connection: "close" },
    };
  }
  return null;
}

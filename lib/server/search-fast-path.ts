import type { IncomingMessage, ServerResponse } from "node:http";
import { JSON_ANSWER_HEADERS, toInternalErrorAnswer } from "@/lib/api/json-answer";
import { checkRequestLimits } from "@/lib/api/request-limits";
import { answerSearchQuery } from "@/lib/api/search-answer";
import { SECURITY_HEADER_FIELDS } from "@/lib/app/security-headers";
import { acceptsGzip, gzip, readHeader, toHeaderReader } from "./http-helpers";

/**
 * GET /api/search answered before Next.js. Through Next's router, proxy and route handler a search
 * cost about 5.3 ms of server CPU here, of which the search itself (lib/search) is about 2.3 ms;
 * answered here the same answer costs about half, and the API's throughput under load rose about
 * 1.75× (README, "Under load"). The answer is the route handler's own (lib/api/search-answer.ts):
 * same statuses, bodies and headers. Anything else this path does not take — other methods, a
 * request over the limits, another path — is left to Next.js, which answers it as before.
 */

export const SEARCH_API_PATH = "/api/search";

/** Below this, compressing costs more than it saves (the threshold Next.js's own compression uses). */
const COMPRESS_FROM_BYTES = 1024;

const FIXED_HEADERS: Record<string, string> = {
  ...SECURITY_HEADER_FIELDS,
  ...JSON_ANSWER_HEADERS,
  "Content-Type": "application/json",
  Vary: "Accept-Encoding",
};

/** True when it took the request (and answers it); false leaves it to Next.js. */
export function takeSearchRequest(request: IncomingMessage, response: ServerResponse): boolean {
  const target = request.url ?? "";
  if (request.method !== "GET" || !isSearchPath(target)) return false;
  if (checkRequestLimits({ method: request.method, target, headers: toHeaderReader(request) }, "json")) return false;
  void answerSearch(request, response, target);
  return true;
}

function isSearchPath(target: string): boolean {
  return target.startsWith(SEARCH_API_PATH) && (target.length === SEARCH_API_PATH.length || target[SEARCH_API_PATH.length] === "?");
}

async function answerSearch(request: IncomingMessage, response: ServerResponse, target: string): Promise<void> {
  try {
    const query = target.indexOf("?");
    const answer = await answerSearchQuery(new URLSearchParams(query === -1 ? "" : target.slice(query + 1)));
    const json = Buffer.from(JSON.stringify(answer.body));
    const compress = json.length >= COMPRESS_FROM_BYTES && acceptsGzip(readHeader(request, "accept-encoding"));
    const body = compress ? await gzip(json) : json;
    response.writeHead(answer.status, { ...FIXED_HEADERS, ...(compress ? { "Content-Encoding": "gzip" } : {}), "Content-Length": String(body.length) });
    response.end(body);
  } catch (error) {
    // answerSearchQuery turns every search failure into an answer; this is a bug or a broken socket.
    console.error(error);
    if (!response.headersSent) response.writeHead(500, FIXED_HEADERS);
    response.end(JSON.stringify(toInternalErrorAnswer().body));
  }
}

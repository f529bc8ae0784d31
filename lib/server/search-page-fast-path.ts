import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkRequestLimits } from "@/lib/api/request-limits";
import { buildContentSecurityPolicy, createNonce } from "@/lib/app/content-security";
import { isDocumentRequest } from "@/lib/app/document-routes";
import { SECURITY_HEADER_FIELDS } from "@/lib/app/security-headers";
import { getDatabase } from "@/lib/corrections/database";
import { readSession, SESSION_COOKIE, type Session } from "@/lib/librarians/sessions";
import { readEnv } from "@/lib/config/env";
import { isEngineReachable } from "@/lib/search/engine-health";
import { readSearchedVersion } from "@/lib/search/search-articles";
import { ISLANDS_DIR, ISLANDS_URL_PREFIX, readIslandsManifest } from "./islands";
import { readLayoutStylesheets } from "./next-stylesheets";
import { renderSearchDocument, type DocumentAssets } from "./search-document";
import { createPageCache, toPageCacheKey, type PageCache } from "./page-cache";
import { fillPageTemplate, fillPageTemplateGzipped, PAGE_MARKS, toPageTemplate } from "./page-template";
import { acceptsGzip, readHeader, toHeaderReader } from "./http-helpers";

// This module's own copy of jieba and of the highlighter's table (it runs as bundled by scripts/build-islands.ts): serve.ts loads them before the first search.
export { warmUpSearch } from "@/lib/search/warm-up";

/**
 * Full page loads of /search answered before Next.js. Under load a results page rendered by the
 * App Router cost about 20 ms of server CPU even when the search itself was remembered (a page
 * with nothing on it about 8 ms), against about 2 ms for the same components rendered by React
 * alone (README, "Under load"). So a whole-document request for the results page is rendered here
 * from the same SearchView component, and only its filter panel is hydrated in the browser (the
 * facets island). Client navigations (RSC requests) and everything this path does not take — a
 * request over the limits, a down engine, a failure — are left to Next.js, which answers them as
 * before.
 */

export const SEARCH_PAGE_PATH = "/search";

const PAGE_HEADERS: Record<string, string> = {
  ...SECURITY_HEADER_FIELDS,
  "Content-Type": "text/html; charset=utf-8",
  // As Next.js's dynamic pages: never stored, since the librarian's header differs per session.
  "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
  // The same URL answers client navigations with Next's RSC payload.
  Vary: "rsc, next-router-state-tree, next-router-prefetch, Accept-Encoding",
};

/** An island script, and the same gzipped once at start (it never changes while the server runs). */
type IslandScript = { plain: Buffer; gzipped: Buffer };

type Built = { assets: DocumentAssets; islands: Map<string, IslandScript> };

/** The build's stylesheets and island scripts, read once; null when a build lacks them (pages then stay with Next.js). */
export function loadFastPageBuild(root = process.cwd()): Built | null {
  const stylesheets = readLayoutStylesheets(root);
  const manifest = readIslandsManifest(root);
  const facets = manifest?.facets;
  if (!stylesheets || !manifest || !facets) return null;
  const islands = new Map<string, IslandScript>();
  for (const file of Object.values(manifest)) {
    const plain = fs.readFileSync(path.join(root, ISLANDS_DIR, file));
    islands.set(file, { plain, gzipped: zlib.gzipSync(plain, { level: zlib.constants.Z_BEST_COMPRESSION }) });
  }
  return { assets: { stylesheets, facetsScript: `${ISLANDS_URL_PREFIX}${facets}` }, islands };
}

/**
 * True when it took the request (and answers it, or hands it to `fallback` when it turns out to
 * be Next's after all); false leaves it to Next.js.
 */
export function takeSearchPageRequest(request: IncomingMessage, response: ServerResponse, built: Built, fallback: () => void): boolean {
  const target = request.url ?? "";
  if (request.method !== "GET") return false;
  if (target.startsWith(ISLANDS_URL_PREFIX)) return serveIsland(request, target.slice(ISLANDS_URL_PREFIX.length), response, built);
  if (!isSearchPagePath(target)) return false;
  const headers = toHeaderReader(request);
  if (!isDocumentRequest(headers)) return false;
  if (checkRequestLimits({ method: "GET", target, headers }, "page")) return false;
  void answerSearchPage(request, response, target, built.assets, fallback);
  return true;
}

/** Exactly /search: Next.js redirects /search/ to it. */
function isSearchPagePath(target: string): boolean {
  const end = target.indexOf("?");
  return (end === -1 ? target : target.slice(0, end)) === SEARCH_PAGE_PATH;
}

let pageCache: PageCache | undefined;

/** This process's remembered pages (page-cache.ts), sized by BAOKU_PAGE_CACHE_MB. */
export function getPageCache(): PageCache {
  pageCache ??= createPageCache(readEnv().BAOKU_PAGE_CACHE_MB * 1024 * 1024);
  return pageCache;
}

async function answerSearchPage(request: IncomingMessage, response: ServerResponse, target: string, assets: DocumentAssets, fallback: () => void): Promise<void> {
  try {
    const started = performance.now();
    if (!(await isEngineReachable())) return fallback();
    const nonce = createNonce();
    const query = target.indexOf("?");
    const params = new URLSearchParams(query === -1 ? "" : target.slice(query + 1));
    const session = readRequestSession(request);
    // Read once, before the page's searches, which are all filed under it; the engine answers them from this index or a newer one,
    // and a page filed under a version no later request reads is merely never served.
    const version = session === null ? await readSearchedVersion() : undefined;
    const key = version === undefined ? null : toPageCacheKey(version, params);
    const remembered = key === null ? undefined : getPageCache().read(key);
    let template = remembered;
    let elapsed = String(Math.round(performance.now() - started));
    if (!template) {
      // Rendered with marks in its holes, then filled, so that what is kept is what was sent.
      const page = await renderSearchDocument(params, { nonce: PAGE_MARKS.nonce, elapsed: PAGE_MARKS.elapsed, version, session, assets });
      if (page.status === "unavailable") return fallback();
      template = toPageTemplate(page.html);
      if (key !== null && page.cacheable) getPageCache().keep(key, template);
      if (page.processingTimeMs !== null) elapsed = String(page.processingTimeMs);
    }
    const compress = acceptsGzip(readHeader(request, "accept-encoding"));
    const values = { nonce, elapsed };
    const body = compress ? await fillPageTemplateGzipped(template, values) : fillPageTemplate(template, values);
    response.writeHead(200, {
      ...PAGE_HEADERS,
      "Content-Security-Policy": buildContentSecurityPolicy(nonce),
      ...(compress ? { "Content-Encoding": "gzip" } : {}),
      "Content-Length": String(body.length),
    });
    response.end(body);
  } catch (error) {
    // Next.js renders the same page, or its error page, and logs as it does for its own pages.
    console.error(error);
    if (!response.headersSent) fallback();
    else response.end();
  }
}

function readRequestSession(request: IncomingMessage): Session | null {
  const cookie = readHeader(request, "cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return readSession(getDatabase(), decodeCookieValue(value.join("=")));
  }
  return null;
}

/** A malformed escape is kept as sent: it then matches no session, as any wrong token. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function serveIsland(request: IncomingMessage, file: string, response: ServerResponse, built: Built): boolean {
  const script = built.islands.get(file);
  if (!script) return false;
  const compress = acceptsGzip(readHeader(request, "accept-encoding"));
  const body = compress ? script.gzipped : script.plain;
  response.writeHead(200, {
    ...SECURITY_HEADER_FIELDS,
    "Content-Type": "text/javascript; charset=utf-8",
    // The name carries the content's hash.
    "Cache-Control": "public, max-age=31536000, immutable",
    Vary: "Accept-Encoding",
    ...(compress ? { "Content-Encoding": "gzip" } : {}),
    "Content-Length": String(body.length),
  });
  response.end(body);
  return true;
}

import type { IncomingMessage } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";

/** Helpers of the answers served before Next.js (search-fast-path.ts, search-page-fast-path.ts). */

export const gzip = promisify(zlib.gzip);

/** The request's headers as the `get`/`has` reader that checkRequestLimits and isDocumentRequest take. */
export function toHeaderReader(request: IncomingMessage): { get: (name: string) => string | null; has: (name: string) => boolean } {
  return { get: (name) => readHeader(request, name), has: (name) => request.headers[name.toLowerCase()] !== undefined };
}

export function readHeader(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/** `gzip` listed without `q=0`. */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    return !params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param));
  });
}

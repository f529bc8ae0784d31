/**
 * Pages with a loading skeleton stream it first and the content after, and
 * the content is put in place by inline scripts: without JavaScript the
 * reader would see the skeleton forever. The skeleton only helps client-side
 * navigation, so the proxy sends full document requests (first visits,
 * reloads, form submissions without JavaScript) to twins of those pages under
 * /document, which render the same components without a loading boundary and
 * answer with the complete HTML. Client navigations (RSC requests) keep the
 * skeleton. The twins are not addressable from outside.
 */

export const DOCUMENT_PREFIX = "/document";

const STREAMED_PAGES = [/^\/search\/?$/, /^\/search\/advanced\/?$/, /^\/articles\/[^/]+\/?$/, /^\/browse(?:\/[^/]+)?\/?$/];

/** Client-side navigations and prefetches ask for the RSC payload; everything else wants a whole HTML document. */
export function isDocumentRequest(headers: Pick<Headers, "has">): boolean {
  return !headers.has("rsc") && !headers.has("next-router-prefetch");
}

/** The internal path to render a full document request for `pathname` with, or null to render it as is. */
export function toDocumentPath(pathname: string, headers: Headers): string | null {
  if (!isDocumentRequest(headers) || !STREAMED_PAGES.some((page) => page.test(pathname))) return null;
  return `${DOCUMENT_PREFIX}${pathname}`;
}

export function isDocumentTwinPath(pathname: string): boolean {
  return pathname === DOCUMENT_PREFIX || pathname.startsWith(`${DOCUMENT_PREFIX}/`);
}

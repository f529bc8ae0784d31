import { createNonce } from "@/lib/app/content-security";
import { compressPieces, joinGzip } from "./gzip-pieces";

/**
 * A rendered page with holes for what must differ per response: the CSP nonce (a nonce reused
 * across responses would let a script injected into one page run under another's policy) and
 * the time the search took. The page is rendered once with a random mark in each hole, kept
 * as UTF-8 pieces, and each response joins the pieces with its own values: a remembered page
 * (page-cache.ts) costs a copy of its bytes, not a search and a React render, and gzipped a copy of
 * its pieces deflated once (gzip-pieces.ts), not a compression.
 */

export const PAGE_HOLES = ["nonce", "elapsed"] as const;
export type PageHole = (typeof PAGE_HOLES)[number];
export type PageHoleValues = Record<PageHole, string>;

export type PageTemplate = {
  /** UTF-8 pieces; hole `holes[i]` sits between `pieces[i]` and `pieces[i + 1]`. */
  pieces: Buffer[];
  holes: PageHole[];
  /** The pieces' bytes together, for the cache's budget. */
  bytes: number;
  /** The pieces deflated, made by the first response that asks for gzip (about a fifth of `bytes` more). */
  compressed?: Promise<Buffer[]>;
};

/**
 * Marks chosen once per process: random base64 like a nonce, so React writes them unescaped in
 * attributes and text alike, and no page text holds them by chance.
 */
export const PAGE_MARKS: PageHoleValues = { nonce: createNonce(), elapsed: createNonce() };

const MARK_BYTES = PAGE_HOLES.map((hole) => Buffer.from(PAGE_MARKS[hole]));

/** Cuts a page rendered with PAGE_MARKS in its holes into pieces (views of its bytes, encoded once). */
export function toPageTemplate(html: string): PageTemplate {
  const bytes = Buffer.from(html);
  const found: Array<{ at: number; hole: number }> = [];
  MARK_BYTES.forEach((mark, hole) => {
    for (let at = bytes.indexOf(mark); at !== -1; at = bytes.indexOf(mark, at + mark.length)) found.push({ at, hole });
  });
  found.sort((a, b) => a.at - b.at);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const { at, hole } of found) {
    pieces.push(bytes.subarray(from, at));
    from = at + (MARK_BYTES[hole] as Buffer).length;
  }
  pieces.push(bytes.subarray(from));
  return { pieces, holes: found.map(({ hole }) => PAGE_HOLES[hole] as PageHole), bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) };
}

/** The page for one response. Values are written as given: they must be safe in the page (a nonce, digits). */
export function fillPageTemplate(template: PageTemplate, values: PageHoleValues): Buffer {
  const filled = PAGE_HOLES.map((hole) => Buffer.from(values[hole]));
  const parts: Buffer[] = [];
  template.pieces.forEach((piece, index) => {
    parts.push(piece);
    const hole = template.holes[index];
    if (hole !== undefined) parts.push(filled[PAGE_HOLES.indexOf(hole)] as Buffer);
  });
  return Buffer.concat(parts);
}

/** The same page gzipped; the pieces are deflated once per template, by the first response that asks. */
export async function fillPageTemplateGzipped(template: PageTemplate, values: PageHoleValues): Promise<Buffer> {
  template.compressed ??= compressPieces(template.pieces);
  const compressed = await template.compressed.catch((error: unknown) => {
    // A failed compression is not kept: the next response tries again.
    template.compressed = undefined;
    throw error;
  });
  return joinGzip(template.pieces, compressed, template.holes.map((hole) => Buffer.from(values[hole])));
}

import type { GeneratedPage, LineLabel } from "@/lib/segmenter/labels";

/**
 * Where a segmenter's boundaries go wrong on generated pages, by kind, so that work can be aimed
 * at the largest (`npm run eval:parse -- --boundaries`). Every two neighbouring lines of a page
 * that both belong to printed items either sit in one item or not; the reading puts them in one
 * parsed item or not. A pair printed apart and read together is a missed boundary (a start
 * swallowed, or a resumed column read as going on from the block above it); a pair printed
 * together and read apart is an invented one (a subhead read as a title). Each is keyed by the
 * printed labels of the two lines and the label the reading gave the second.
 */

/** A page as a segmenter read it: per line, its parsed item (assemble-articles.ts `lineItems`) and label. */
export type BoundaryReading = { lineItems: readonly number[]; labels: readonly LineLabel[] };

export type BoundaryErrors = {
  /** Neighbouring pairs printed in different items. */
  printed: number;
  missed: Map<string, number>;
  invented: Map<string, number>;
};

export function createBoundaryErrors(): BoundaryErrors {
  return { printed: 0, missed: new Map(), invented: new Map() };
}

/** Adds one page's boundary errors to `errors`. */
export function countBoundaryErrors(page: GeneratedPage, reading: BoundaryReading, errors: BoundaryErrors): BoundaryErrors {
  if (reading.lineItems.length !== page.lines.length || reading.labels.length !== page.lines.length) {
    throw new Error(`page ${page.name}: the reading has ${reading.lineItems.length} lines, the page ${page.lines.length}`);
  }
  for (let at = 1; at < page.lines.length; at++) {
    const before = page.lines[at - 1]!;
    const here = page.lines[at]!;
    // Page furniture belongs to no item: nothing to be right or wrong about.
    if (before.item === null || here.item === null) continue;
    const printedApart = before.item !== here.item;
    const readApart = reading.lineItems[at - 1] !== reading.lineItems[at];
    if (printedApart) errors.printed++;
    if (printedApart === readApart) continue;
    const key = `${before.label} → ${here.label}, read ${reading.labels[at]}`;
    const counts = printedApart ? errors.missed : errors.invented;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return errors;
}

/** The `limit` most frequent kinds, most frequent first (ties by key, so the listing is stable). */
export function listLargest(counts: ReadonlyMap<string, number>, limit: number): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}

export function sumCounts(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

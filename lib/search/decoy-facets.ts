import type { RecordAny } from "meilisearch";
import type { FacetDistribution } from "./archive-search";
import { listFacetSourceFields, readFacetValue } from "./documents";
import { INDEX_SETTINGS } from "./index-schema";

/**
 * Facet counts of a result set without some of its documents, worked out from the documents'
 * own values instead of asking the engine again. A first search checks its first page and windows
 * of hits against their text (execute-query.ts, checkPageHits); the values of the hits that lack a
 * term are taken off the first page's counts, so no window needs counts of its own and a window
 * that held every candidate gives the exact answer without a further search.
 *
 * The engine counts a document once per distinct value and matches string values without regard
 * to case, and lists at most maxValuesPerFacet values per group. Whenever the counts cannot be
 * taken off with certainty (a group at that limit, so a value may be missing from it; a decoy's
 * value the group does not list; a count that would fall below zero; a document fetched without a
 * field the facet is read from, listFacetSourceFields), the answer is null and the caller asks the
 * engine.
 */
export function subtractDocuments(distribution: FacetDistribution, documents: readonly RecordAny[], facets: readonly string[]): FacetDistribution | null {
  const result: FacetDistribution = {};
  for (const facet of facets) {
    const counts = distribution[facet];
    if (!counts) {
      // A group the engine did not list has no value among the result set, so none among the documents.
      if (documents.some((document) => listFacetValues(readFacetValue(document, facet)).length > 0)) return null;
      continue;
    }
    if (Object.keys(counts).length >= INDEX_SETTINGS.faceting.maxValuesPerFacet) return null;
    // A document fetched without a field the facet is read from tells nothing of its values.
    const sources = listFacetSourceFields([facet]);
    if (documents.some((document) => sources.some((field) => !(field in document)))) return null;
    const keys = new Map(Object.keys(counts).map((key) => [foldKey(key), key]));
    const left = { ...counts };
    for (const document of documents) {
      for (const value of new Set(listFacetValues(readFacetValue(document, facet)).map(foldKey))) {
        const key = keys.get(value);
        if (key === undefined || !(left[key]! > 0)) return null;
        left[key] = left[key]! - 1;
        if (left[key] === 0) delete left[key];
      }
    }
    result[facet] = left;
  }
  return result;
}

/** The values a stored field gives a facet: strings and finite numbers, one or an array of them. */
function listFacetValues(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((one) => (typeof one === "string" ? [one] : typeof one === "number" && Number.isFinite(one) ? [String(one)] : []));
}

function foldKey(value: string): string {
  return value.trim().toLowerCase();
}

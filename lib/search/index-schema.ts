import type { Settings } from "meilisearch";
import { createHash } from "node:crypto";
import { toChunkedFieldPattern } from "./coded-chunks";
import { WORD_FIELD } from "./whole-words";

/**
 * The index settings and their version. Bump SCHEMA_VERSION whenever the
 * document shape changes; a settings or version mismatch is detected at start
 * and the user is told to rebuild (`npm run ingest -- --rebuild …`).
 */
export const SCHEMA_VERSION = 6;

/** Char-token copies spelled in letters, searched by quoted phrases (see coded-chars.ts). Order = attribute ranking. */
export const CHAR_FIELDS = ["titleChars", "kickerChars", "subtitleChars", "bodyChars", "authorsChars"] as const;
export type CharField = (typeof CHAR_FIELDS)[number];
export const TITLE_CHAR_FIELDS: readonly CharField[] = ["titleChars", "kickerChars", "subtitleChars"];

/**
 * What searches must send as `attributesToSearchOn` for char fields: each
 * field with the chunks a text too long for the engine's positions continues
 * in (`bodyChars.c1`, …; coded-chunks.ts). Meilisearch matches plain names
 * exactly, so `bodyChars` alone would miss the tail of such a text.
 */
export function toSearchOnCharFields(fields: readonly CharField[]): string[] {
  return fields.map(toChunkedFieldPattern);
}

export const FILTERABLE_ATTRIBUTES = [
  "dateDay",
  "year",
  "yearMonth",
  "authors",
  "authorRoles",
  "roles",
  "topics",
  "column",
  "source",
  "page",
  // The importer's: which file a document came from (documents.ts, SourceStamp).
  "sourcePath",
  "fileKey",
  "id",
] as const;

/** Attributes compared with >=, <= or TO; all others are matched by equality only. */
const RANGE_ATTRIBUTES: readonly FilterableAttribute[] = ["dateDay", "page"];
/** Attributes the facet-search endpoint is used on (the author lookup). */
const FACET_SEARCH_ATTRIBUTES: readonly FilterableAttribute[] = ["authors"];
export type FilterableAttribute = (typeof FILTERABLE_ATTRIBUTES)[number];

/**
 * Granular filterable attributes: each feature the engine builds costs indexing
 * time, so range comparison and facet search are enabled only where used.
 */
const FILTERABLE_SETTINGS = FILTERABLE_ATTRIBUTES.map((attribute) => ({
  attributePatterns: [attribute],
  features: {
    facetSearch: FACET_SEARCH_ATTRIBUTES.includes(attribute),
    filter: { equality: true, comparison: RANGE_ATTRIBUTES.includes(attribute) },
  },
}));

export const INDEX_SETTINGS = {
  // The word set last: it only orders results (whole-words.ts); last, it adds the same attribute rank to every whole-word match, so headline-before-body still decides inside each group.
  searchableAttributes: [...CHAR_FIELDS, WORD_FIELD],
  filterableAttributes: FILTERABLE_SETTINGS,
  sortableAttributes: ["dateDay"],
  displayedAttributes: ["*"],
  // "sort" first: newest/oldest are strictly chronological (and federated OR results merge by date);
  // without a sort parameter the rule does nothing and relevance ranks as before.
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "dateDay:desc"],
  // Phrases over single characters need neither typos nor prefixes; turning them off saves indexing time.
  typoTolerance: { enabled: false },
  prefixSearch: "disabled",
  facetSearch: true,
  pagination: { maxTotalHits: 1_000_000 },
  faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { "*": "count" } },
  // The coded tokens are ASCII letters: read them as English so no CJK segmenter or folding applies
  // (`*Chars.*`: the chunks of a long text, coded-chunks.ts).
  localizedAttributes: [{ attributePatterns: ["*Chars", "*Chars.*", WORD_FIELD], locales: ["eng"] }],
  // Phrases are resolved from word pairs; "byAttribute" would make them mere co-occurrence.
  proximityPrecision: "byWord",
  stopWords: [],
} satisfies Settings;

export function hashSettings(): string {
  return createHash("sha256")
    .update(JSON.stringify({ version: SCHEMA_VERSION, settings: INDEX_SETTINGS }))
    .digest("hex")
    .slice(0, 16);
}

import { readBlocks, toBlockLayout, type BlockLayout } from "@/lib/article/block-layout";
import type { Article, ArticleSummary, Author, Credit } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { toCodedCharFields, type ChunkFields } from "./coded-chunks";
import type { CharField } from "./index-schema";
import { toCodedWordText } from "./whole-words";

/**
 * The shape stored in Meilisearch, and the one place where raw hits become
 * `Article` again. Facet fields are flat strings and numbers; the structured
 * article parts ride along for display.
 */
export type IndexDocument = {
  id: string;
  kind: Article["kind"];
  source: string;
  /** What readers see: the path inside the imported folder (pages/001.txt), the same wherever the import ran. */
  sourceFile: string;
  /** Canonical absolute path of the file, for the importer only (not displayed): --prune checks it, within its inputs. */
  sourcePath: string;
  /** `sourcePath#hash of its text`: re-importing a changed file removes the articles with an older key. */
  fileKey: string;
  ordinal: number;
  sourceKey: string | null;
  date: string | null;
  dateSource: Article["dateSource"];
  /** Days since 1970-01-01, for range filters and sorting. */
  dateDay: number | null;
  year: number | null;
  yearMonth: string | null;
  page: number | null;
  column: string | null;
  kicker: string | null;
  title: string;
  titleDerived: boolean;
  subtitle: string | null;
  authors: string[];
  /** `role:name` pairs, e.g. 记者:王昊男, for the byline facet with roles. */
  authorRoles: string[];
  roles: string[];
  bylines: Author[];
  credits: Credit[];
  dateline: string | null;
  place: string | null;
  /** The text, once: paragraphs, subheads, captions and table rows one per line (`blocksToPlainText`). */
  body: string;
  /** Where each block lies in `body` (block-layout.ts): the blocks are not stored a second time. */
  layout: BlockLayout;
  keywords: string[];
  topics: string[];
  /** Char-token copies (coded-chars.ts); a text too long for the engine's positions continues in `bodyChars.c1`, … (coded-chunks.ts). */
  titleChars: string;
  kickerChars: string;
  subtitleChars: string;
  bodyChars: string;
  authorsChars: string;
  /** The article's distinct jieba words, one letter token each, for whole-word ranking (whole-words.ts). */
  wordCodes: string;
} & ChunkFields<CharField>;

/** What the author directory reads of every signed article. */
export const BYLINE_RECORD_FIELDS = ["bylines", "source", "date"] as const satisfies ReadonlyArray<keyof IndexDocument>;
/** What an author page reads of each of the author's articles. */
export const AUTHOR_PROFILE_FIELDS = ["id", "date", "bylines", "topics", "source"] as const satisfies ReadonlyArray<keyof IndexDocument>;
/** What an export reads of each article; `bylines` holds the authors with their roles. */
export const EXPORT_STORED_FIELDS = ["id", "date", "source", "page", "column", "title", "subtitle", "bylines"] as const satisfies ReadonlyArray<keyof IndexDocument>;

/** Which file on disk a document came from. Ids never depend on it: a moved archive keeps its ids. */
export type SourceStamp = Pick<IndexDocument, "sourcePath" | "fileKey">;

export function toSourceStamp(sourcePath: string, fileHash: string): SourceStamp {
  return { sourcePath, fileKey: `${sourcePath}#${fileHash}` };
}

/** Stored fields a hit carries back; the char copies and the source stamp stay in the index. */
export const DISPLAYED_FIELDS = [
  "id", "kind", "source", "sourceFile", "ordinal", "sourceKey", "date", "dateSource", "page", "column",
  "kicker", "title", "titleDerived", "subtitle", "bylines", "credits", "dateline", "place", "layout",
  "body", "keywords", "topics",
] as const;

export function toDateDay(date: string | null): number | null {
  if (!date) return null;
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.floor(time / 86_400_000);
}

export function toIndexDocument(article: Article, stamp: SourceStamp): IndexDocument {
  const body = blocksToPlainText(article.blocks);
  const names = article.authors.map((author) => author.name);
  return {
    id: article.id,
    kind: article.kind,
    source: article.source,
    sourceFile: article.sourceFile,
    sourcePath: stamp.sourcePath,
    fileKey: stamp.fileKey,
    ordinal: article.ordinal,
    sourceKey: article.sourceKey,
    date: article.date,
    dateSource: article.dateSource,
    dateDay: toDateDay(article.date),
    ...toDerivedFacets(article.date, article.authors),
    page: article.page,
    column: article.column,
    kicker: article.kicker,
    title: article.title,
    titleDerived: article.titleDerived,
    subtitle: article.subtitle,
    bylines: article.authors,
    credits: article.credits,
    dateline: article.dateline,
    place: article.place,
    body,
    layout: toBlockLayout(article.blocks),
    keywords: article.keywords,
    topics: article.topics,
    ...toCodedCharFields("titleChars", article.title),
    ...toCodedCharFields("kickerChars", article.kicker ?? ""),
    ...toCodedCharFields("subtitleChars", article.subtitle ?? ""),
    ...toCodedCharFields("bodyChars", body),
    ...toCodedCharFields("authorsChars", names.join("\n")),
    wordCodes: toCodedWordText(article),
  };
}

/** The facet fields the index derives from an article's date and authors; stored documents give back only those two. */
type DerivedFacets = Pick<IndexDocument, "year" | "yearMonth" | "authors" | "authorRoles" | "roles">;
const DERIVED_FROM = { year: "date", yearMonth: "date", authors: "bylines", authorRoles: "bylines", roles: "bylines" } as const satisfies Record<keyof DerivedFacets, keyof IndexDocument>;

/** Each derived field from the date and the authors, one at a time, so a read of one value derives only that one. */
const DERIVE: { readonly [K in keyof DerivedFacets]: (date: string | null, authors: readonly Author[]) => DerivedFacets[K] } = {
  year: (date) => (date ? Number(date.slice(0, 4)) : null),
  yearMonth: (date) => (date ? date.slice(0, 7) : null),
  authors: (_date, authors) => [...new Set(authors.map((author) => author.name))],
  authorRoles: (_date, authors) => [...new Set(authors.map((author) => `${author.role ?? "未注明"}:${author.name}`))],
  roles: (_date, authors) => [...new Set(authors.map((author) => author.role ?? "未注明"))],
};

function toDerivedFacets(date: string | null, authors: readonly Author[]): DerivedFacets {
  return {
    year: DERIVE.year(date, authors),
    yearMonth: DERIVE.yearMonth(date, authors),
    authors: DERIVE.authors(date, authors),
    authorRoles: DERIVE.authorRoles(date, authors),
    roles: DERIVE.roles(date, authors),
  };
}

/** The stored fields a facet's values are read back from (readFacetValue): the facet itself, or what the index derives it from. */
export function listFacetSourceFields(facets: readonly string[]): string[] {
  return [...new Set(facets.map((facet) => (facet in DERIVED_FROM ? DERIVED_FROM[facet as keyof DerivedFacets] : facet)))];
}

/** A stored hit's value for a facet, as the index document holds it (toIndexDocument); the hit must carry listFacetSourceFields. */
export function readFacetValue(stored: Partial<Pick<IndexDocument, "date" | "bylines">> & Record<string, unknown>, facet: string): unknown {
  if (!(facet in DERIVED_FROM)) return stored[facet];
  return DERIVE[facet as keyof DerivedFacets](stored.date ?? null, stored.bylines ?? []);
}

export type StoredArticle = Pick<IndexDocument, (typeof DISPLAYED_FIELDS)[number]>;

/** Stored fields of an article summary: everything displayed but the text. */
export const SUMMARY_FIELDS = DISPLAYED_FIELDS.filter((field): field is Exclude<(typeof DISPLAYED_FIELDS)[number], "layout" | "body"> => field !== "layout" && field !== "body");
export type StoredSummary = Omit<StoredArticle, "layout" | "body">;

/** A search hit's fields: the summary and the body as one string, which snippets are cut from. */
export const HIT_FIELDS = [...SUMMARY_FIELDS, "body"] as const;
export type StoredHit = StoredSummary & Pick<StoredArticle, "body">;

/** Raw hit → Article: with fromStoredSummary, the only place stored documents are read back. */
export function fromStoredDocument(stored: StoredArticle): Article {
  return { ...fromStoredSummary(stored), blocks: readBlocks(stored.body ?? "", stored.layout) };
}

export function fromStoredSummary(stored: StoredSummary): ArticleSummary {
  return {
    id: stored.id,
    kind: stored.kind,
    source: stored.source,
    sourceFile: stored.sourceFile,
    ordinal: stored.ordinal,
    sourceKey: stored.sourceKey ?? null,
    date: stored.date ?? null,
    dateSource: stored.dateSource ?? null,
    page: stored.page ?? null,
    column: stored.column ?? null,
    kicker: stored.kicker ?? null,
    title: stored.title,
    titleDerived: Boolean(stored.titleDerived),
    subtitle: stored.subtitle ?? null,
    authors: stored.bylines ?? [],
    credits: stored.credits ?? [],
    dateline: stored.dateline ?? null,
    place: stored.place ?? null,
    keywords: stored.keywords ?? [],
    topics: stored.topics ?? [],
  };
}

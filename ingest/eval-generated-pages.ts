import type { ParsedArticle } from "@/lib/article/types";
import { isListedForReview } from "@/lib/corrections/review-queue";
import type { GeneratedPage, LayoutFamily, LineLabel } from "@/lib/segmenter/labels";
import { countAuthorMatches, normalizeForCompare } from "./eval-parse-pages";
import { HEADLINE_LABELS } from "./page-gen/printed-item";
import { textOfParsed, type OcrPageContext } from "./parsers/ocr-page";
import { REVIEW_THRESHOLD } from "./review-list";

/**
 * Scores a page parser on generated pages, whose every line is known to belong to one item:
 *
 * - whole items: a printed item is found when exactly one parsed item accounts for exactly its
 *   text — its right start, all of its lines and nothing of another item (compared as the
 *   multiset of its characters after NFKC without whitespace, so the order in which a parser
 *   joins interleaved halves does not matter). Recall = found / printed items; precision = parsed
 *   items that are such a match / parsed items other than `remainder`.
 * - headlines: the parsed item that holds the printed item's first body text has exactly its
 *   headline lines (column, kicker, title, subtitle), over all printed items.
 * - bylines: (name, role) pairs inside found items; precision over all parsed items' authors.
 */

export type ParsePageDetailed = (text: string, context: OcrPageContext) => { articles: ParsedArticle[]; bylines: (string | null)[] };

export type Tally = {
  items: number;
  found: number;
  parsed: number;
  matchedParsed: number;
  headlinesRight: number;
  authors: number;
  authorsFound: number;
  authorsParsed: number;
  /** Parsed items `ingest --review-list` would list (rated below REVIEW_THRESHOLD), and of those the wrong ones. */
  reviewListed: number;
  reviewListedWrong: number;
};

export type FamilyScore = Tally & {
  family: LayoutFamily | "all";
  pages: number;
  recall: number;
  precision: number;
  headlines: number;
  bylineP: number;
  bylineR: number;
  /** Share of parsed items the review list holds, and share of the wrong parsed items it holds. */
  reviewListedShare: number;
  reviewCatches: number;
};

export function scoreGeneratedPages(pages: readonly GeneratedPage[], parse: ParsePageDetailed): FamilyScore[] {
  const byFamily = new Map<LayoutFamily, { pages: number; tally: Tally }>();
  const total = emptyTally();
  for (const page of pages) {
    const tally = scorePage(page, parse);
    const entry = byFamily.get(page.family) ?? { pages: 0, tally: emptyTally() };
    entry.pages++;
    addTally(entry.tally, tally);
    addTally(total, tally);
    byFamily.set(page.family, entry);
  }
  const rows = [...byFamily].map(([family, entry]) => toScore(family, entry.pages, entry.tally));
  return [...rows, toScore("all", pages.length, total)];
}

function scorePage(page: GeneratedPage, parse: ParsePageDetailed): Tally {
  const parsed = parse(page.text, { source: "eval", sourceFile: page.name, date: null, dateSource: null, page: null });
  const items = parsed.articles
    .map((article, at) => ({ article, text: normalizeForCompare(textOfParsed(article, parsed.bylines[at] ?? null)) }))
    .filter((item) => item.article.kind !== "remainder");
  const keyed = items.map((item) => ({ ...item, key: sortChars(item.text) }));
  const tally = emptyTally();
  tally.items = page.items.length;
  tally.parsed = items.length;
  tally.authorsParsed = items.reduce((sum, item) => sum + item.article.authors.length, 0);
  const matched = new Set<number>();
  page.items.forEach((expected, index) => {
    const lines = page.lines.filter((line) => line.item === index);
    const key = sortChars(normalizeForCompare(lines.map((line) => line.text).join("")));
    tally.authors += expected.authors.length;
    const hits = keyed.flatMap((item, at) => (item.key === key ? [at] : []));
    const hit = hits.length === 1 ? hits[0]! : null;
    if (hit !== null) {
      tally.found++;
      matched.add(hit);
      tally.authorsFound += countAuthorMatches(expected.authors, keyed[hit]!.article.authors);
    }
    if (isHeadlineRight(expected.headlines, lines, keyed)) tally.headlinesRight++;
  });
  tally.matchedParsed = matched.size;
  items.forEach((item, at) => {
    if (!isListedForReview(item.article, REVIEW_THRESHOLD)) return;
    tally.reviewListed++;
    if (!matched.has(at)) tally.reviewListedWrong++;
  });
  return tally;
}

/**
 * The parsed item holding the printed item's first body lines has exactly its headline lines
 * (with no body, the item whose headline it is).
 */
function isHeadlineRight(headlines: readonly string[], lines: readonly { text: string; label: string }[], items: readonly { article: ParsedArticle; text: string }[]): boolean {
  const want = normalizeForCompare(headlines.join(""));
  const body = lines.filter((line) => !HEADLINE_LABELS.has(line.label as LineLabel));
  const probe = normalizeForCompare(body.slice(0, 3).map((line) => line.text).join("")).slice(0, 60);
  const holders = items.filter((item) => (probe ? item.text.includes(probe) : normalizeForCompare(headlineOf(item.article)) === want));
  return holders.some((holder) => normalizeForCompare(headlineOf(holder.article)) === want);
}

function headlineOf(article: ParsedArticle): string {
  return [article.column, article.kicker, article.titleDerived ? null : article.title, article.subtitle].filter(Boolean).join("");
}

function sortChars(text: string): string {
  return [...text].sort().join("");
}

function emptyTally(): Tally {
  return { items: 0, found: 0, parsed: 0, matchedParsed: 0, headlinesRight: 0, authors: 0, authorsFound: 0, authorsParsed: 0, reviewListed: 0, reviewListedWrong: 0 };
}

function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

function toScore(family: LayoutFamily | "all", pages: number, tally: Tally): FamilyScore {
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    family,
    pages,
    ...tally,
    recall: ratio(tally.found, tally.items),
    precision: ratio(tally.matchedParsed, tally.parsed),
    headlines: ratio(tally.headlinesRight, tally.items),
    bylineP: ratio(tally.authorsFound, tally.authorsParsed),
    bylineR: ratio(tally.authorsFound, tally.authors),
    reviewListedShare: ratio(tally.reviewListed, tally.parsed),
    reviewCatches: ratio(tally.reviewListedWrong, tally.parsed - tally.matchedParsed),
  };
}

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ARTICLE_KINDS, AUTHOR_ROLES, blocksToPlainText, type Author, type ParsedArticle } from "@/lib/article/types";
import { parseOcrPage, type OcrPageContext } from "./parsers/ocr-page";

/**
 * Scores the OCR page parser against hand-labelled readings (`<dir>/expected/*.json`, one per
 * page `<dir>/<page>`). Returns numbers only; the `eval:parse` CLI prints them.
 *
 * - Boundaries: an expected article is found when exactly one parsed item has its body starting
 *   with `bodyStartsWith` and containing every `bodyContains`. Recall = found / expected;
 *   precision = parsed items that are such a unique match / parsed items other than `remainder`.
 * - Bylines: author (name, role) pairs. An expected author without `role` means the page prints
 *   none, so the parser must give null. True positives are counted inside found articles only;
 *   precision is over the authors of all parsed non-remainder items.
 *
 * Texts are compared after NFKC with whitespace removed, as the labels ask.
 */

const expectedArticleSchema = z.object({
  headlines: z.array(z.string()),
  titleContains: z.string().optional(),
  authors: z.array(z.object({ name: z.string(), role: z.enum(AUTHOR_ROLES).optional() })),
  bodyStartsWith: z.string().optional(),
  bodyContains: z.array(z.string()).optional(),
  kind: z.enum(ARTICLE_KINDS).optional(),
  note: z.string().optional(),
});
const expectedPageSchema = z.object({ page: z.string(), articles: z.array(expectedArticleSchema) });

export type ExpectedArticle = z.infer<typeof expectedArticleSchema>;
export type ExpectedPage = z.infer<typeof expectedPageSchema>;
export type PageCase = { file: string; text: string; expected: ExpectedPage };

/** Counted from both sides: for boundaries a parsed item is matched at most once. */
export type PrecisionRecall = {
  precision: number;
  recall: number;
  /** Predicted units (parsed items, author pairs) that are correct. */
  correctPredicted: number;
  predicted: number;
  /** Expected units (articles, author pairs) that were found. */
  foundExpected: number;
  expected: number;
};

export type OcrPageScore = {
  page: string;
  boundaries: PrecisionRecall;
  bylines: PrecisionRecall;
  /** Indexes (in the expected file) of articles not found. */
  missed: number[];
};

export type OcrParseEvaluation = {
  pages: OcrPageScore[];
  boundaries: PrecisionRecall;
  bylines: PrecisionRecall;
};

type ParsePage = (text: string, context: OcrPageContext) => ParsedArticle[];

/** Reads every labelled page under `dir`; empty when the directory or its labels are missing. */
export function loadPageCases(dir: string): PageCase[] {
  const expectedDir = path.join(dir, "expected");
  if (!existsSync(expectedDir)) return [];
  return readdirSync(expectedDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const expected = expectedPageSchema.parse(JSON.parse(readFileSync(path.join(expectedDir, name), "utf8")));
      const file = path.join(dir, expected.page);
      return { file, text: readFileSync(file, "utf8"), expected };
    });
}

export function toPageContext(file: string): OcrPageContext {
  return { source: "ocr-pages", sourceFile: path.basename(file), date: null, dateSource: null, page: null };
}

/** NFKC with all whitespace removed: the comparison the labels are written for. */
export function normalizeForCompare(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "");
}

export function normalizedBodyOf(article: ParsedArticle): string {
  return normalizeForCompare(blocksToPlainText(article.blocks));
}

/** Parsed items whose body starts with the expected opening and contains every expected phrase. */
export function findArticleMatches(expected: ExpectedArticle, articles: readonly ParsedArticle[]): ParsedArticle[] {
  const start = expected.bodyStartsWith === undefined ? null : normalizeForCompare(expected.bodyStartsWith);
  const phrases = (expected.bodyContains ?? []).map(normalizeForCompare);
  if (start === null && phrases.length === 0) return [];
  return articles.filter((article) => {
    const body = normalizedBodyOf(article);
    return (start === null || body.startsWith(start)) && phrases.every((phrase) => body.includes(phrase));
  });
}

/** Expected authors as the parser should give them: no stated role means null. */
export function toExpectedAuthors(expected: ExpectedArticle): Author[] {
  return expected.authors.map((author) => ({ name: author.name, role: author.role ?? null }));
}

export function evaluateOcrPages(dir: string, parse: ParsePage = parseOcrPage): OcrParseEvaluation {
  const pages = loadPageCases(dir).map((pageCase) => scorePage(pageCase, parse));
  return {
    pages,
    boundaries: sumScores(pages.map((page) => page.boundaries)),
    bylines: sumScores(pages.map((page) => page.bylines)),
  };
}

function scorePage(pageCase: PageCase, parse: ParsePage): OcrPageScore {
  const parsed = parse(pageCase.text, toPageContext(pageCase.file)).filter((item) => item.kind !== "remainder");
  const matchedItems = new Set<ParsedArticle>();
  const missed: number[] = [];
  let expectedPairs = 0;
  let bylineHits = 0;
  pageCase.expected.articles.forEach((expected, index) => {
    const expectedAuthors = toExpectedAuthors(expected);
    expectedPairs += expectedAuthors.length;
    const matches = findArticleMatches(expected, parsed);
    const match = matches.length === 1 ? matches[0] : undefined;
    if (!match) {
      missed.push(index);
      return;
    }
    matchedItems.add(match);
    bylineHits += countAuthorMatches(expectedAuthors, match.authors);
  });
  const predictedPairs = parsed.reduce((sum, item) => sum + item.authors.length, 0);
  return {
    page: pageCase.expected.page,
    boundaries: toPrecisionRecall({
      correctPredicted: matchedItems.size,
      predicted: parsed.length,
      foundExpected: pageCase.expected.articles.length - missed.length,
      expected: pageCase.expected.articles.length,
    }),
    bylines: toPrecisionRecall({
      correctPredicted: bylineHits,
      predicted: predictedPairs,
      foundExpected: bylineHits,
      expected: expectedPairs,
    }),
    missed,
  };
}

/** Pairs matched one to one on name and role. */
export function countAuthorMatches(expected: readonly { name: string; role: string | null }[], actual: readonly Author[]): number {
  const unused = [...actual];
  let hits = 0;
  for (const author of expected) {
    const at = unused.findIndex((candidate) => candidate.name === author.name && candidate.role === author.role);
    if (at < 0) continue;
    unused.splice(at, 1);
    hits++;
  }
  return hits;
}

type Counts = Omit<PrecisionRecall, "precision" | "recall">;

function toPrecisionRecall(counts: Counts): PrecisionRecall {
  // An empty side has nothing wrong in it.
  return {
    precision: counts.predicted === 0 ? 1 : counts.correctPredicted / counts.predicted,
    recall: counts.expected === 0 ? 1 : counts.foundExpected / counts.expected,
    ...counts,
  };
}

function sumScores(scores: readonly PrecisionRecall[]): PrecisionRecall {
  const total = (key: keyof Counts): number =>
    scores.reduce((sum, score) => sum + score[key], 0);
  return toPrecisionRecall({
    correctPredicted: total("correctPredicted"),
    predicted: total("predicted"),
    foundExpected: total("foundExpected"),
    expected: total("expected"),
  });
}

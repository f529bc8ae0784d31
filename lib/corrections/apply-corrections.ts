import type { Article, ArticleBlock } from "@/lib/article/types";
import { dedupeAuthors, dedupeCredits } from "@/lib/byline/reading";
import { deriveTitle } from "@/lib/segmenter/derive-title";
import type { Correction, CorrectionPayload, FieldChanges } from "./correction-input";
import { fingerprintArticle } from "./fingerprint";

/**
 * Corrections applied to articles in the order they were made: the same function serves the
 * importer (every re-import and --rebuild re-applies them to freshly parsed articles) and the
 * app (a new correction applied to the stored article). A correction applies only to the text
 * it was made against; when that text changed it is reported as unfit and left out, never
 * applied to something else.
 */

export type Unfit = { correction: Correction; reason: string };
export type ApplyOutcome = { articles: Article[]; applied: Correction[]; unfit: Unfit[] };
/** Recomputes what derives from an article's text (keywords, topics) after its text changed. */
export type RefreshText = (article: Article) => Article;

const keepText: RefreshText = (article) => article;

export function applyCorrections(articles: readonly Article[], corrections: readonly Correction[], refresh: RefreshText = keepText): ApplyOutcome {
  let current = [...articles];
  const applied: Correction[] = [];
  const unfit: Unfit[] = [];
  for (const correction of [...corrections].sort((a, b) => a.seq - b.seq)) {
    if (correction.undoneAt) continue;
    const at = findTarget(current, correction);
    if (at === null) continue;
    const target = current[at]!;
    if (fingerprintArticle(target) !== correction.fingerprint) {
      unfit.push({ correction, reason: `文章 ${target.id} 的原文已改动，与更正时不同` });
      continue;
    }
    const result = applyOne(current, at, correction.payload, refresh);
    if (typeof result === "string") {
      unfit.push({ correction, reason: result });
      continue;
    }
    current = result;
    applied.push(correction);
  }
  return { articles: current, applied, unfit };
}

/** By id; else by text, so a page file edited elsewhere (new ids) still gets its corrections. */
function findTarget(articles: readonly Article[], correction: Correction): number | null {
  const byId = articles.findIndex((article) => article.id === correction.articleId);
  if (byId >= 0) return byId;
  const byText = articles.findIndex((article) => fingerprintArticle(article) === correction.fingerprint);
  return byText >= 0 ? byText : null;
}

/** The articles after one correction, or why it does not fit. */
function applyOne(articles: Article[], at: number, payload: CorrectionPayload, refresh: RefreshText): Article[] | string {
  const target = articles[at]!;
  switch (payload.kind) {
    case "fields":
      return replaceAt(articles, at, 1, [applyFieldChanges(target, payload.changes)]);
    case "not-article":
      return replaceAt(articles, at, 1, [{ ...target, kind: "remainder" }]);
    case "merge": {
      const next = articles[at + 1];
      if (!next || (next.id !== payload.nextId && fingerprintArticle(next) !== payload.nextFingerprint)) {
        return `文章 ${target.id} 之后已不是更正时合并的文章 ${payload.nextId}`;
      }
      return replaceAt(articles, at, 2, [refresh(mergeArticles(target, next))]);
    }
    case "split": {
      if (payload.atBlock >= target.blocks.length) return `文章 ${target.id} 只有 ${target.blocks.length} 段，无法在第 ${payload.atBlock} 段后拆分`;
      const [head, tail] = splitArticle(target, payload.atBlock, payload.title);
      return replaceAt(articles, at, 1, [refresh(head), refresh(tail)]);
    }
  }
}

function replaceAt(articles: readonly Article[], at: number, count: number, replacement: Article[]): Article[] {
  return [...articles.slice(0, at), ...replacement, ...articles.slice(at + count)];
}

export function applyFieldChanges(article: Article, changes: FieldChanges): Article {
  const next: Article = { ...article };
  if (changes.authors !== undefined) next.authors = changes.authors;
  if (changes.credits !== undefined) next.credits = changes.credits;
  if (changes.kicker !== undefined) next.kicker = changes.kicker;
  if (changes.title !== undefined) {
    next.title = changes.title;
    next.titleDerived = false;
  }
  if (changes.subtitle !== undefined) next.subtitle = changes.subtitle;
  if (changes.date !== undefined) {
    next.date = changes.date;
    next.dateSource = changes.date ? "librarian" : null;
  }
  if (changes.page !== undefined) next.page = changes.page;
  if (changes.column !== undefined) next.column = changes.column;
  if (changes.topics !== undefined) next.topics = changes.topics;
  return next;
}

/** The next article's headline lines become paragraphs, so no printed character is lost. */
function mergeArticles(first: Article, second: Article): Article {
  const headline: ArticleBlock[] = [second.kicker, second.titleDerived ? null : second.title, second.subtitle]
    .filter((text): text is string => Boolean(text))
    .map((text) => ({ kind: "paragraph", text }));
  return {
    ...first,
    blocks: [...first.blocks, ...headline, ...second.blocks],
    authors: dedupeAuthors([...first.authors, ...second.authors]),
    credits: dedupeCredits([...first.credits, ...second.credits]),
  };
}

/** The id of the article a split makes: stable, so corrections of it are re-applied too. */
export function toSplitId(articleId: string, atBlock: number): string {
  return `${articleId}-s${atBlock}`;
}

function splitArticle(article: Article, atBlock: number, title: string | null): [Article, Article] {
  const tailBlocks = article.blocks.slice(atBlock);
  const firstText = tailBlocks.find((block) => "text" in block);
  const tail: Article = {
    ...article,
    id: toSplitId(article.id, atBlock),
    kicker: null,
    title: title ?? deriveTitle(firstText && "text" in firstText ? firstText.text : ""),
    titleDerived: title === null,
    subtitle: null,
    authors: [],
    credits: [],
    dateline: null,
    place: null,
    blocks: tailBlocks,
  };
  delete tail.segmentation;
  return [{ ...article, blocks: article.blocks.slice(0, atBlock) }, tail];
}

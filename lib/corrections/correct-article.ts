import type { Article } from "@/lib/article/types";
import { deriveKeywordsAndTopics } from "@/lib/article/derived-fields";
import { listFileArticleIds, readStoredEntries, writeArticles, type StoredEntry } from "@/lib/search/article-writes";
import { applyCorrections, type RefreshText } from "./apply-corrections";
import type { ChangedField, Correction, CorrectionInput, CorrectionPayload, FieldChanges } from "./correction-input";
import { assertUndoable, discardCorrection, insertCorrection, markUndone, readAudit, readCorrection, recordApplied, recordFit, CorrectionNotFoundError } from "./correction-store";
import { getDatabase, type Db } from "./database";
import { fingerprintArticle } from "./fingerprint";

/**
 * A librarian's correction, from the article page to the index: checked against the stored
 * article, recorded with its audit entry, then written to the engine. If the engine refuses
 * the write the record is removed again, so the database never claims what the index lacks.
 */

/** The correction cannot be made as asked (nothing changes, no next article…): a 409 with this message. */
export class CorrectionRefusedError extends Error {
  override name = "CorrectionRefusedError";
}

export class ArticleNotFoundError extends Error {
  override name = "ArticleNotFoundError";
}

/** Merging looks for the next article of the same file; a feed of thousands of items is not a page. */
const MAX_ARTICLES_IN_PAGE = 1000;

export const refreshText: RefreshText = (article) => ({ ...article, ...deriveKeywordsAndTopics(article) });

export type CorrectionResult = { correction: Correction; articles: Article[] };

export async function correctArticle(input: CorrectionInput, librarian: string, db: Db = getDatabase()): Promise<CorrectionResult> {
  const stored = await readStoredEntries([input.articleId]);
  const target = stored.get(input.articleId);
  if (!target) throw new ArticleNotFoundError(`没有编号为 ${input.articleId} 的文章`);
  const group: StoredEntry[] = [target];
  let payload: CorrectionPayload;
  if (input.kind === "merge") {
    const next = await readNextEntry(target);
    group.push(next);
    payload = { kind: "merge", nextId: next.article.id, nextFingerprint: fingerprintArticle(next.article) };
  } else if (input.kind === "split") {
    payload = { kind: "split", atBlock: input.atBlock, title: input.title ?? null };
  } else if (input.kind === "fields") {
    const changes = pickChangedFields(target.article, input.changes);
    if (!changes) throw new CorrectionRefusedError("提交的内容与现有内容相同，没有改动");
    payload = { kind: "fields", changes };
  } else {
    payload = { kind: "not-article", reason: input.reason };
  }
  const before = group.map((entry) => entry.article);
  const fingerprint = fingerprintArticle(target.article);
  const draft: Correction = { id: "draft", seq: Number.MAX_SAFE_INTEGER, articleId: input.articleId, fingerprint, payload, createdBy: librarian, createdAt: "", undoneBy: null, undoneAt: null, staleReason: null };
  const outcome = applyCorrections(before, [draft], refreshText);
  const unfit = outcome.unfit[0];
  if (unfit) throw new CorrectionRefusedError(unfit.reason);
  if (JSON.stringify(outcome.articles) === JSON.stringify(before)) throw new CorrectionRefusedError("提交的内容与现有内容相同，没有改动");
  const correction = insertCorrection(db, { articleId: input.articleId, fingerprint, payload, librarian, before, after: outcome.articles });
  try {
    await writeArticles(withStamps(outcome.articles, target), removedIds(before, outcome.articles));
  } catch (error) {
    discardCorrection(db, correction.id);
    throw error;
  }
  return { correction, articles: outcome.articles };
}

/** Undoes a correction: the articles as they were before it go back into the index. */
export async function undoCorrection(id: string, librarian: string, db: Db = getDatabase()): Promise<{ correction: Correction; restored: boolean }> {
  const correction = readCorrection(db, id);
  if (!correction) throw new CorrectionNotFoundError(`没有编号为 ${id} 的更正`);
  assertUndoable(db, correction);
  // The latest application: an imported correction applied here has this index's own snapshots.
  const made = readAudit(db, id).findLast((entry) => entry.action === "apply" || entry.action === "import");
  // A correction that does not fit its source text is not in the index: undoing it changes only the record.
  if (correction.staleReason || !made?.before?.length || !made.after?.length) {
    markUndone(db, correction, librarian, null, null);
    return { correction: readCorrection(db, id)!, restored: false };
  }
  const current = await readStoredEntries(made.after.map((article) => article.id));
  const anchor = current.values().next().value as StoredEntry | undefined;
  if (!anchor) throw new CorrectionRefusedError(`更正 ${id} 涉及的文章已不在索引中，无法撤销；请重新导入其原文件`);
  await writeArticles(withStamps(made.before, anchor), removedIds(made.after, made.before));
  markUndone(db, correction, librarian, made.after, made.before);
  return { correction: readCorrection(db, id)!, restored: true };
}

/** Only the fields that differ from the article (a form sends them all); null when none does. */
export function pickChangedFields(article: Article, changes: FieldChanges): FieldChanges | null {
  const picked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes) as Array<[ChangedField, unknown]>) {
    // Topics are a set: the form lists them in the taxonomy's order, the article in its own.
    const same = field === "topics" ? JSON.stringify([...(value as string[])].sort()) === JSON.stringify([...article.topics].sort()) : JSON.stringify(value) === JSON.stringify(article[field]);
    if (value !== undefined && !same) picked[field] = value;
  }
  return Object.keys(picked).length > 0 ? (picked as FieldChanges) : null;
}

export type AppliedImport = { applied: number; waiting: number; unfit: number };

/**
 * Corrections brought from another installation, applied to this index now: those whose article
 * is here and whose text fits are written (with this index's before and after, for undo); those
 * whose article is not imported yet wait for its import; the others are flagged like any unfit one.
 */
export async function applyImportedCorrections(corrections: readonly Correction[], db: Db = getDatabase()): Promise<AppliedImport> {
  const counts: AppliedImport = { applied: 0, waiting: 0, unfit: 0 };
  for (const correction of [...corrections].sort((a, b) => a.seq - b.seq)) {
    if (correction.undoneAt) continue;
    const target = (await readStoredEntries([correction.articleId])).get(correction.articleId);
    if (!target) {
      counts.waiting += 1;
      continue;
    }
    const flagUnfit = (reason: string) => {
      recordFit(db, correction, reason);
      counts.unfit += 1;
    };
    let group: StoredEntry[] = [target];
    if (correction.payload.kind === "merge") {
      // Why a merge cannot be made here (the last article of its file, the next one gone) is the reason the librarian reads.
      try {
        group = [target, await readNextEntry(target)];
      } catch (error) {
        if (!(error instanceof CorrectionRefusedError)) throw error;
        flagUnfit(error.message);
        continue;
      }
    }
    const before = group.map((entry) => entry.article);
    // The target was read by its id, so the correction either applies or is unfit.
    const outcome = applyCorrections(before, [correction], refreshText);
    const [unfit] = outcome.unfit;
    if (unfit) {
      flagUnfit(unfit.reason);
      continue;
    }
    await writeArticles(withStamps(outcome.articles, target), removedIds(before, outcome.articles));
    recordApplied(db, correction, correction.createdBy, before, outcome.articles);
    recordFit(db, correction, null);
    counts.applied += 1;
  }
  return counts;
}

async function readNextEntry(target: StoredEntry): Promise<StoredEntry> {
  const ids = await listFileArticleIds(target.stamp.fileKey);
  if (ids.length > MAX_ARTICLES_IN_PAGE) throw new CorrectionRefusedError(`${target.article.sourceFile} 有 ${ids.length} 篇，不是版面文件，不能合并`);
  const nextId = ids[ids.indexOf(target.article.id) + 1];
  if (!nextId) throw new CorrectionRefusedError(`这是 ${target.article.sourceFile} 的最后一篇，没有可以合并的下一篇`);
  const next = (await readStoredEntries([nextId])).get(nextId);
  if (!next) throw new CorrectionRefusedError(`下一篇 ${nextId} 已不在索引中`);
  return next;
}

/** Articles a correction makes come from the same file as the one corrected. */
function withStamps(articles: readonly Article[], from: StoredEntry): StoredEntry[] {
  return articles.map((article) => ({ article, stamp: from.stamp }));
}

function removedIds(before: readonly Article[], after: readonly Article[]): string[] {
  const kept = new Set(after.map((article) => article.id));
  return before.map((article) => article.id).filter((id) => !kept.has(id));
}

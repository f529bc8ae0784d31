import fs from "node:fs";
import type { Article } from "@/lib/article/types";
import type { EngineClient } from "@/lib/search/engine/client";
import { toIndexDocument, toSourceStamp, type SourceStamp } from "@/lib/search/documents";
import { configureIndex, deleteByFilter, ensureIndex, swapIn } from "@/lib/search/index-admin";
import { joinNetwork } from "@/lib/search/network";
import { toOnlyShard, type Shard } from "@/lib/search/shards";
import { BatchWriter } from "./batch-writer";
import { buildFilterIn } from "./filter-lists";
import { discoverFiles, type DiscoveredFile } from "./discover";
import { readSourceFile, type IngestIssue, type SourceContext } from "./read-source";
import { pruneMissingFiles, type PruneResult } from "./prune-missing";
import { createReviewList } from "./review-list";
import { createIngestCorrections, type IngestCorrections } from "./ingest-corrections";
import { flagLostCorrections } from "./lost-corrections";
import type { Db } from "@/lib/corrections/database";

/**
 * The ingest run: discover → decode → parse → finalise → batch upserts →
 * remove what a changed file no longer contains → optional prune or swap.
 *
 * Safe to rerun at any point: ids are stable and upserts replace, and stale
 * articles are removed only after the new ones were stored, so an interrupted
 * run rerun ends with the exact set of articles and nothing doubled.
 */

export type IngestOptions = {
  inputs: string[];
  indexUid: string;
  /** Null for --dry-run: parse only. */
  client: EngineClient | null;
  /** An archive spread over several engines (BAOKU_ENGINES): each article goes to the engine holding it; `client` is then not used. */
  shards?: readonly Shard[] | null;
  outFile?: string | null;
  /** Write each article as JSON Lines to this stream (dry run without --out). */
  jsonlStream?: NodeJS.WritableStream | null;
  manifestPath?: string | null;
  prune?: boolean;
  rebuild?: boolean;
  batchSize?: number;
  /** --review-list: write the articles the page segmenter was least sure of to this file. */
  reviewList?: string | null;
  /** The librarians' database: its corrections are re-applied and its review queue refreshed (null: neither, as in a dry run). */
  corrections?: Db | null;
  onProgress?: (progress: IngestProgress) => void;
};

export type IngestProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  articles: number;
  elapsedMs: number;
  currentFile: string;
};

export type IngestSummary = {
  filesTotal: number;
  filesOk: number;
  filesFailed: number;
  articles: number;
  /** Articles whose id another file in this run already produced (identical content). */
  duplicates: number;
  ignored: string[];
  issues: IngestIssue[];
  staleRemoved: boolean;
  /** --prune: how many articles were removed, looking inside which inputs; null without --prune. */
  pruned: PruneResult | null;
  /** What --review-list wrote: how many articles, out of how many the segmenter rated. */
  reviewed: { written: number; rated: number; file: string } | null;
  /** Librarians' corrections re-applied, and those that no longer fit their source text (kept, listed by `npm run corrections -- list --stale`). */
  corrections: { applied: number; unfit: number };
  elapsedMs: number;
  indexUid: string | null;
};

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const discovery = discoverFiles(options.inputs);
  const issues: IngestIssue[] = discovery.missing.map((missing) => ({ file: missing.path, message: missing.message }));
  const shards = listTargetShards(options);
  const targetUid = shards.length > 0 && options.rebuild ? `${options.indexUid}_build_${started}` : options.indexUid;
  if (shards.length > 1) await joinNetwork(shards);
  for (const shard of shards) {
    if (options.rebuild) await configureIndex(shard.client, targetUid);
    else await ensureIndex(shard.client, targetUid);
  }

  const context: SourceContext = await loadContext(options.manifestPath ?? null, issues);
  const writer = new BatchWriter(shards, targetUid, options.batchSize ?? 1000);
  const out = openJsonl(options);
  /** Which file gave each id first: by canonical path, as two inputs may hold files of the same relPath. */
  const seenIds = new Map<string, DiscoveredFile>();
  const stamps: SourceStamp[] = [];
  const progress: IngestProgress = {
    filesDone: 0,
    filesTotal: discovery.files.length,
    bytesDone: 0,
    bytesTotal: discovery.files.reduce((sum, file) => sum + file.size, 0),
    articles: 0,
    elapsedMs: 0,
    currentFile: "",
  };
  let filesFailed = 0;
  let duplicates = 0;
  const review = options.reviewList ? createReviewList() : null;
  const corrections = createIngestCorrections(shards.length > 0 ? (options.corrections ?? null) : null);
  /** Files whose article set corrections changed, with the ids they now produce: older leftovers are removed. */
  const correctedFiles: Array<{ stamp: SourceStamp; ids: string[] }> = [];

  for (const file of discovery.files) {
    progress.currentFile = file.relPath;
    const outcome = await ingestFile(file, context, corrections, async (article, stamp) => {
      const earlier = seenIds.get(article.id);
      if (earlier !== undefined && earlier.sourcePath !== file.sourcePath) {
        duplicates += 1;
        issues.push({ file: file.relPath, message: `${file.relPath}: article ${article.id} has the same content as one in ${earlier.relPath}; kept once`, severity: "notice" });
      }
      if (!(await writer.add(toIndexDocument(article, stamp)))) {
        issues.push({ file: file.relPath, message: `${file.relPath}: article ${article.id} (${article.date ?? "undated"}, ${article.source}) is held by no engine in BAOKU_ENGINES; not imported` });
        return;
      }
      seenIds.set(article.id, file);
      review?.consider(article);
      out?.write(JSON.stringify(article) + "\n");
      progress.articles += 1;
      if (progress.articles % 200 === 0) report(options, progress, started);
    });
    issues.push(...outcome.issues);
    if (outcome.stamp) stamps.push(outcome.stamp);
    if (outcome.stamp && outcome.corrected) correctedFiles.push({ stamp: outcome.stamp, ids: outcome.ids });
    if (outcome.failed) filesFailed += 1;
    progress.filesDone += 1;
    progress.bytesDone += file.size;
    report(options, progress, started);
  }
  await writer.flush();
  await closeJsonl(out, options);
  const reviewed = review && options.reviewList ? review.write(options.reviewList) : null;

  let staleRemoved = false;
  let pruned: PruneResult | null = null;
  if (shards.length > 0) {
    if (!options.rebuild) {
      // A rebuild writes a fresh index: nothing of an earlier run can be left in it.
      await removeLeftovers(shards, targetUid, correctedFiles);
      if (options.corrections) corrections.counts.unfit += await flagLostCorrections(options.corrections, shards, targetUid, stamps, new Set(seenIds.keys()));
      await removeStaleArticles(shards, targetUid, stamps);
      await removeMovedArticles(writer.listWrittenIds(), targetUid);
      staleRemoved = true;
      if (options.prune) pruned = await pruneMissingFiles(shards, targetUid, discovery.roots);
    } else {
      for (const shard of shards) await swapIn(shard.client, targetUid, options.indexUid);
    }
  }

  return {
    filesTotal: discovery.files.length,
    filesOk: discovery.files.length - filesFailed,
    filesFailed,
    articles: seenIds.size,
    duplicates,
    ignored: discovery.ignored,
    issues,
    staleRemoved,
    pruned,
    reviewed,
    corrections: corrections.counts,
    elapsedMs: Date.now() - started,
    indexUid: shards.length > 0 ? options.indexUid : null,
  };
}

/** The engines written to: every engine of a sharded archive, the one client, or none for a dry run. */
function listTargetShards(options: IngestOptions): readonly Shard[] {
  if (options.shards) return options.shards;
  return options.client ? [toOnlyShard(options.client)] : [];
}

async function loadContext(manifestPath: string | null, issues: IngestIssue[]): Promise<SourceContext> {
  const { loadSourceContext } = await import("./read-source");
  return loadSourceContext(manifestPath, issues);
}

type FileOutcome = { issues: IngestIssue[]; stamp: SourceStamp | null; failed: boolean; corrected: boolean; ids: string[] };

/**
 * One file's articles, corrected, handed to `accept` as they come: an article is held back
 * only while a correction may merge it with the next one.
 */
async function ingestFile(
  file: DiscoveredFile,
  context: SourceContext,
  corrections: IngestCorrections,
  accept: (article: Article, stamp: SourceStamp) => Promise<void>,
): Promise<FileOutcome> {
  const issues: IngestIssue[] = [];
  let stamp: SourceStamp | null = null;
  let failed = false;
  let corrected = false;
  let held: Article[] = [];
  const ids: string[] = [];
  const rated: Article[] = [];
  const release = async (current: SourceStamp) => {
    const outcome = corrections.apply(held);
    held = [];
    corrected = corrected || outcome.corrected;
    for (const article of outcome.articles) {
      ids.push(article.id);
      if (article.segmentation) rated.push(article);
      await accept(article, current);
    }
  };
  for await (const item of readSourceFile(file, context)) {
    if (item.kind === "article") {
      stamp = toSourceStamp(file.sourcePath, item.fileHash);
      held.push(item.article);
      if (corrections.canWriteBefore(item.article)) await release(stamp);
    } else if (item.kind === "file") {
      stamp = toSourceStamp(file.sourcePath, item.fileHash);
    } else {
      issues.push(item.issue);
      if (item.issue.severity !== "notice") failed = failed || item.fatal;
    }
  }
  if (stamp && held.length > 0) await release(stamp);
  corrections.recordReview(file.sourcePath, rated);
  return { issues, stamp, failed, corrected, ids };
}

/**
 * A corrected file may have stored articles its corrections no longer make (the second part
 * of a split undone meanwhile): same file and text, not produced by this run.
 */
async function removeLeftovers(shards: readonly Shard[], indexUid: string, files: ReadonlyArray<{ stamp: SourceStamp; ids: string[] }>): Promise<void> {
  // One deletion per batch of files, not per file: an id belongs to the file that made it (a
  // stored article another file made again carries that file's key), so "these files' keys and
  // none of their ids" leaves exactly what each file alone would.
  for (let start = 0; start < files.length; start += LEFTOVER_FILES_PER_DELETION) {
    const chunk = files.slice(start, start + LEFTOVER_FILES_PER_DELETION);
    const keys = buildFilterIn("fileKey", chunk.map(({ stamp }) => stamp.fileKey));
    const ids = chunk.flatMap((file) => file.ids);
    const filter = ids.length > 0 ? `${keys} AND NOT ${buildFilterIn("id", ids)}` : keys;
    for (const shard of shards) await deleteByFilter(shard.client, indexUid, filter);
  }
}

/** Files per leftover deletion: their ids make one filter, kept to a few thousand entries. */
const LEFTOVER_FILES_PER_DELETION = 100;

/**
 * Articles a changed file no longer produces: same file, older key. Files are matched by
 * canonical path, so this holds whichever folder the import ran from and however the input
 * was spelled.
 */
async function removeStaleArticles(shards: readonly Shard[], indexUid: string, stamps: readonly SourceStamp[]): Promise<void> {
  for (let start = 0; start < stamps.length; start += 200) {
    const chunk = stamps.slice(start, start + 200);
    const filter = `${buildFilterIn("sourcePath", chunk.map((stamp) => stamp.sourcePath))} AND NOT ${buildFilterIn(
      "fileKey",
      chunk.map((stamp) => stamp.fileKey),
    )}`;
    for (const shard of shards) await deleteByFilter(shard.client, indexUid, filter);
  }
}

/** On several engines: an article now held by one engine is removed from the others. */
async function removeMovedArticles(written: ReadonlyMap<Shard, readonly string[]>, indexUid: string): Promise<void> {
  if (written.size < 2) return;
  for (const shard of written.keys()) {
    const elsewhere = [...written].flatMap(([other, ids]) => (other === shard ? [] : ids));
    for (let start = 0; start < elsewhere.length; start += 10_000) {
      const ids = elsewhere.slice(start, start + 10_000);
      await shard.client.runTask((meili) => meili.index(indexUid).deleteDocuments(ids));
    }
  }
}

function openJsonl(options: IngestOptions): NodeJS.WritableStream | null {
  if (options.outFile) return fs.createWriteStream(options.outFile, { encoding: "utf8" });
  return options.jsonlStream ?? null;
}

async function closeJsonl(stream: NodeJS.WritableStream | null, options: IngestOptions): Promise<void> {
  if (!stream || !options.outFile) return;
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.end(() => resolve());
  });
}

function report(options: IngestOptions, progress: IngestProgress, started: number): void {
  progress.elapsedMs = Date.now() - started;
  options.onProgress?.(progress);
}

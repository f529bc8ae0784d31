import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Random } from "@/lib/random/seeded-random";
import { pickOne, shuffle } from "./draw";
import { readRmrbSources } from "./read-rmrb";
import { readXwlbSources } from "./read-xwlb";
import type { SourceArticle } from "./source-article";
import type { PageSplit } from "./splits";

/**
 * The source material of one split, or of several read as one (the shipped segmenter is
 * trained on the training and tuning months together: segmenter-training.ts), read once per
 * process: rmrb articles, xwlb items, and the real reporter and photographer names of the
 * splits' rmrb bylines (for items whose own source names nobody but whose family prints a byline).
 */
export type Corpus = {
  splits: readonly PageSplit[];
  rmrb: readonly SourceArticle[];
  xwlb: readonly SourceArticle[];
  reporterNames: readonly string[];
  photographerNames: readonly string[];
};

/** Sources that pass one family's filter, grouped by date so a page can draw one issue's items. */
export type SourcePool = { all: readonly SourceArticle[]; byDate: ReadonlyMap<string, readonly SourceArticle[]> };

export const DEFAULT_DATA_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/data");

const corpora = new Map<string, Corpus>();
const pools = new WeakMap<Corpus, Map<string, SourcePool>>();

/** Several splits are read in the order given, each split's sources in its own order. */
export function loadCorpus(split: PageSplit | readonly PageSplit[], dataRoot: string = DEFAULT_DATA_ROOT): Corpus {
  const splits: readonly PageSplit[] = typeof split === "string" ? [split] : split;
  if (splits.length === 0) throw new Error("loadCorpus: name at least one split");
  const key = `${path.resolve(dataRoot)}\u0000${splits.join("+")}`;
  const cached = corpora.get(key);
  if (cached) return cached;
  const rmrb = splits.flatMap((one) => readRmrbSources(path.join(dataRoot, "rmrb"), one));
  const xwlb = splits.flatMap((one) => readXwlbSources(path.join(dataRoot, "xwlb", "xwlb.jsonl.gz"), one));
  const corpus: Corpus = {
    splits,
    rmrb,
    xwlb,
    reporterNames: collectNames(rmrb.flatMap((source) => source.authors)),
    photographerNames: collectNames(rmrb.flatMap((source) => source.photographers)),
  };
  corpora.set(key, corpus);
  return corpus;
}

function collectNames(authors: ReadonlyArray<{ name: string }>): string[] {
  return [...new Set(authors.map((author) => author.name))].sort();
}

/** The sources passing `filter`, computed once per corpus and pool name. */
export function selectPool(corpus: Corpus, name: string, sources: (corpus: Corpus) => readonly SourceArticle[], filter: (source: SourceArticle) => boolean): SourcePool {
  const byName = pools.get(corpus) ?? new Map<string, SourcePool>();
  pools.set(corpus, byName);
  const cached = byName.get(name);
  if (cached) return cached;
  const all = sources(corpus).filter(filter);
  const byDate = new Map<string, SourceArticle[]>();
  for (const source of all) {
    const sameDay = byDate.get(source.date);
    if (sameDay) sameDay.push(source);
    else byDate.set(source.date, [source]);
  }
  const pool = { all, byDate };
  byName.set(name, pool);
  return pool;
}

/**
 * `count` distinct sources, from one date where the pool has enough that day (a page is one
 * issue), topped up from the whole pool otherwise.
 */
export function drawSources(pool: SourcePool, count: number, random: Random): SourceArticle[] {
  if (pool.all.length === 0) return [];
  const anchor = pickOne(random, pool.all);
  const chosen = shuffle(random, pool.byDate.get(anchor.date) ?? [anchor]).slice(0, count);
  const taken = new Set(chosen.map((source) => source.key));
  for (let tries = 0; chosen.length < count && tries < count * 20; tries++) {
    const extra = pickOne(random, pool.all);
    if (taken.has(extra.key)) continue;
    taken.add(extra.key);
    chosen.push(extra);
  }
  return chosen;
}

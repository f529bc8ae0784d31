import type { EngineClient } from "./engine/client";

/**
 * An archive spread over several Meilisearch machines: each engine ("shard")
 * holds the articles of a date range and/or of some papers, under the same
 * index name. Searches go to one of them, which asks the others through
 * Meilisearch's own remote federated search (the `network` feature); reads of
 * whole documents go to each engine directly.
 */

/** What an engine holds; an engine without a holding takes every article no other engine holds. */
export type Holding = {
  /** Inclusive ISO dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
  papers?: string[];
};

export type Shard = { name: string; client: EngineClient; holds: Holding | null };

export type RoutedArticle = { date: string | null; source: string };

/** An archive on one engine, as the one engine holding everything: writers treat both cases alike. */
export function toOnlyShard(client: EngineClient): Shard {
  return { name: "main", client, holds: null };
}

/** The first engine whose holding takes the article, in configuration order; null when none does. */
export function findShard(shards: readonly Shard[], article: RoutedArticle): Shard | null {
  return shards.find((shard) => holdsArticle(shard.holds, article)) ?? null;
}

export function holdsArticle(holds: Holding | null, article: RoutedArticle): boolean {
  if (!holds) return true;
  if (holds.papers && !holds.papers.includes(article.source)) return false;
  if (holds.from === undefined && holds.to === undefined) return true;
  // A date range holds dated articles only: undated ones go to an engine without a range.
  if (!article.date) return false;
  return (holds.from === undefined || article.date >= holds.from) && (holds.to === undefined || article.date <= holds.to);
}

/** For readers: which part of the archive an engine holds, in Chinese. */
export function describeHolding(holds: Holding | null): string {
  if (!holds) return "其余文章";
  const parts: string[] = [];
  if (holds.papers) parts.push(holds.papers.join("、"));
  if (holds.from !== undefined || holds.to !== undefined) parts.push(`${holds.from ?? "最早"} 至 ${holds.to ?? "最新"}`);
  return parts.join("，");
}

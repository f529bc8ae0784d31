import type { Meilisearch } from "meilisearch";
import { createRandom, type Random } from "@/lib/random/seeded-random";
import { HIT_FIELDS } from "@/lib/search/documents";
import type { EngineClient } from "@/lib/search/engine/client";
import { toEngineSort } from "@/lib/search/result-page";
import { buildRequestFilter, compileRequestQuery, FACET_FIELDS } from "@/lib/search/search-articles";
import { SearchRequestSchema, toSearchQueryString, type SearchRequest } from "@/lib/search/search-request";
import { planStep } from "@/lib/search/step-plan";

/**
 * Distinct search requests drawn from the index itself, so that no cache can answer most of them:
 * single terms of 1–8 characters cut from stored articles, two terms from one article, searches
 * filtered by date, author or topic, sorted, and deep pages. Each comes with the raw engine search
 * that asks Meilisearch for the same page (the same coded phrases, filter, sort, facets and stored
 * fields, without the app's verification), the competitor `bench:load --mode distinct` measures.
 */

export type LoadRequest = {
  /** The app's query string (`q=…&from=…`), for /api/search and /search. */
  query: string;
  /** The body of the equivalent POST /indexes/{uid}/search. */
  raw: Record<string, unknown>;
  kind: RequestKind;
};

export const REQUEST_KINDS = ["term", "two-terms", "date", "author", "topic", "sorted", "deep"] as const;
type RequestKind = (typeof REQUEST_KINDS)[number];

type SampleArticle = { title?: string; body?: string; date?: string | null; bylines?: Array<{ name: string }>; topics?: string[] };

const SAMPLE_SIZE = 600;
const TERM_CHARS = /[\p{Script=Han}\p{Nd}]/u;

export async function drawLoadRequests(client: EngineClient, indexUid: string, count: number, seed: number): Promise<LoadRequest[]> {
  const random = createRandom(seed);
  const articles = await sampleArticles(client, indexUid, random);
  if (articles.length === 0) throw new Error(`index ${indexUid} holds no articles with text to draw queries from`);
  const requests: LoadRequest[] = [];
  const seen = new Set<string>();
  for (let tries = 0; requests.length < count && tries < count * 20; tries++) {
    const kind = REQUEST_KINDS[tries % REQUEST_KINDS.length]!;
    const article = articles[Math.floor(random() * articles.length)]!;
    const request = shapeRequest(kind, article, random);
    if (!request) continue;
    const query = toSearchQueryString(request);
    if (seen.has(query)) continue;
    const raw = toRawSearch(request);
    if (!raw) continue;
    seen.add(query);
    requests.push({ query, raw, kind });
  }
  return requests;
}

async function sampleArticles(client: EngineClient, indexUid: string, random: Random): Promise<SampleArticle[]> {
  const index = (meili: Meilisearch) => meili.index<SampleArticle>(indexUid);
  const stats = await client.call((meili) => index(meili).getStats());
  const fields: Array<keyof SampleArticle> = ["title", "body", "date", "bylines", "topics"];
  const picks = Array.from({ length: SAMPLE_SIZE }, () => Math.floor(random() * stats.numberOfDocuments));
  const pages = await Promise.all(
    [...new Set(picks)].map((offset) =>
      client.call((meili) => index(meili).getDocuments({ offset, limit: 1, fields })),
    ),
  );
  return pages.flatMap((page) => page.results).filter((article) => (article.body ?? "").length >= 20);
}

function shapeRequest(kind: RequestKind, article: SampleArticle, random: Random): Partial<SearchRequest> | null {
  const term = cutTerm(article.body ?? "", 1 + Math.floor(random() * 8), random);
  if (!term) return null;
  switch (kind) {
    case "term":
      return { q: term };
    case "two-terms": {
      const other = cutTerm(article.body ?? "", 2 + Math.floor(random() * 3), random);
      return other && other !== term ? { q: `${term} ${other}` } : null;
    }
    case "date": {
      if (!article.date) return null;
      const year = Number(article.date.slice(0, 4));
      return { q: term, from: `${year}-01-01`, to: `${year}-12-31` };
    }
    case "author": {
      const name = article.bylines?.[Math.floor(random() * (article.bylines?.length ?? 0))]?.name;
      return name ? { q: term, author: [name] } : null;
    }
    case "topic": {
      const topic = article.topics?.[0];
      return topic ? { q: term, topic: [topic] } : null;
    }
    case "sorted":
      return { q: term, sort: random() < 0.5 ? "newest" : "oldest" };
    case "deep":
      return { q: term.slice(0, 2), page: 2 + Math.floor(random() * 9) };
  }
}

/** `length` characters of Han or digits in a row, from a random place in the text. */
function cutTerm(text: string, length: number, random: Random): string | null {
  const chars = [...text];
  for (let tries = 0; tries < 20; tries++) {
    const start = Math.floor(random() * Math.max(1, chars.length - length));
    const piece = chars.slice(start, start + length);
    if (piece.length === length && piece.every((char) => TERM_CHARS.test(char))) return piece.join("");
  }
  return null;
}

/** The engine search for the same page: step 0 of the single branch, as lib/search plans it. */
function toRawSearch(request: Partial<SearchRequest>): Record<string, unknown> | null {
  const full = SearchRequestSchema.parse(request);
  const compiled = compileRequestQuery(full.q);
  const step = compiled?.branches.length === 1 ? compiled.branches[0]?.steps[0] : undefined;
  if (!step) return null;
  const filter = buildRequestFilter(full);
  const sort = toEngineSort(full.sort);
  return {
    ...planStep(step).search,
    ...(filter ? { filter } : {}),
    ...(sort ? { sort } : {}),
    page: full.page,
    hitsPerPage: full.size,
    facets: [...FACET_FIELDS],
    attributesToRetrieve: [...HIT_FIELDS],
  };
}

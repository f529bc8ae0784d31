import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { toCharPhrase, toCharTokenText } from "./quality-char-tokens";
import { EngineClient } from "@/lib/search/engine/client";
import { CODED_LOCALES } from "@/lib/search/engine-search";
import { startEngine } from "@/lib/search/engine/process";
import { encodeChar, toCodedPhrase } from "@/lib/search/coded-chars";
import { toMatchTerm, toMatchText } from "@/lib/search/exact-match";
import { FILTERABLE_ATTRIBUTES, INDEX_SETTINGS } from "@/lib/search/index-schema";
import { readArticles, toPlainDocument } from "./quality-corpus";
import { buildIndex, formatBytes, type IndexCost } from "./quality-indexing";
import { buildQueries } from "./quality-queries";
import { createRandom, sampleWithout } from "./quality-random";
import { buildGroundTruth } from "./quality-truth";

/**
 * `tsx bench/quality-schemes.ts [--articles FILE] [--limit N] [--schemes a,b] [--repeat R]`: the experiment
 * behind the choice of token stream. Indexes the same articles under several
 * candidate schemes with the same bulk batches, and reports for each the
 * engine's indexing time and size next to plain Meilisearch, how many
 * single-term queries the engine alone answers with false positives, and how
 * many candidates a verification pass would have to read.
 *
 * Schemes:
 * - chars: one normalised character per token, phrases (the design before).
 * - bigram-seq: overlapping character bigrams in text order plus each distinct
 *   character once, phrases over bigrams; pairs by word.
 * - ngram-sets-3 / -4: each distinct 1…3 (or 1…4)-gram once per field, in a
 *   field per n; no word pairs (proximityPrecision byAttribute), a term up to
 *   3 (or 4) characters is one word lookup, longer ones co-occurrence + verify.
 */

type Scheme = {
  name: string;
  settings: Record<string, unknown>;
  fields: (article: Article) => Record<string, string>;
  /** The engine query for a normalised term, and whether the engine alone is exact for it. */
  query: (matchTerm: string) => { q: string; exact: boolean };
};

const HEADLINE_AND_BODY = ["title", "kicker", "subtitle", "body", "authors"] as const;

function fieldTexts(article: Article): Record<(typeof HEADLINE_AND_BODY)[number], string> {
  return {
    title: article.title,
    kicker: article.kicker ?? "",
    subtitle: article.subtitle ?? "",
    body: blocksToPlainText(article.blocks),
    authors: article.authors.map((author) => author.name).join("\n"),
  };
}

function encodeGram(chars: readonly string[]): string {
  return chars.map(encodeChar).join("");
}

function paragraphsOf(text: string): string[][] {
  return toMatchText(text)
    .split("\n")
    .map((paragraph) => [...paragraph])
    .filter((chars) => chars.length > 0);
}

function gramsOf(chars: readonly string[], n: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) grams.push(encodeGram(chars.slice(i, i + n)));
  return grams;
}

const oursBase = {
  filterableAttributes: [...FILTERABLE_ATTRIBUTES],
  sortableAttributes: ["dateDay"],
  rankingRules: [...INDEX_SETTINGS.rankingRules],
  typoTolerance: { enabled: false },
  prefixSearch: "disabled",
  pagination: { maxTotalHits: 1_000_000 },
};

/** The design before: raw characters as tokens, read by the engine's Chinese tokenizer. */
const charsScheme: Scheme = {
  name: "chars",
  settings: {
    ...INDEX_SETTINGS,
    localizedAttributes: [{ attributePatterns: ["*Chars"], locales: ["cmn"] }],
    displayedAttributes: ["*"],
  },
  fields: (article) => {
    const out: Record<string, string> = {};
    for (const [field, text] of Object.entries(fieldTexts(article))) out[`${field}Chars`] = toCharTokenText(text);
    return out;
  },
  query: (term) => ({ q: toCharPhrase(term) ?? "", exact: [...term].length <= 2 }),
};

/** The chosen design (production code): chars spelled in letters (lib/search/coded-chars.ts). */
const encodedCharsScheme: Scheme = {
  name: "chars-encoded",
  settings: { ...INDEX_SETTINGS, displayedAttributes: ["*"] },
  fields: () => ({}),
  query: (term) => ({ q: toCodedPhrase(term), exact: [...term].length <= 2 }),
};

/** The chosen design without any filterable or sortable attribute: the token stream's own cost. */
const encodedCharsOnlyScheme: Scheme = {
  ...encodedCharsScheme,
  name: "chars-encoded-no-facets",
  settings: { ...INDEX_SETTINGS, displayedAttributes: ["*"], filterableAttributes: [], sortableAttributes: [], facetSearch: false },
};

const bigramSeqScheme: Scheme = {
  name: "bigram-seq",
  settings: {
    ...oursBase,
    searchableAttributes: HEADLINE_AND_BODY.map((field) => `${field}Grams`),
    localizedAttributes: [{ attributePatterns: ["*Grams"], locales: ["eng"] }],
    proximityPrecision: "byWord",
  },
  fields: (article) => {
    const out: Record<string, string> = {};
    for (const [field, text] of Object.entries(fieldTexts(article))) {
      const paragraphs = paragraphsOf(text);
      const sequence = paragraphs.map((chars) => gramsOf(chars, 2).join(" ")).filter((part) => part !== "");
      const singles = [...new Set(paragraphs.flat())].map((char) => encodeGram([char]));
      out[`${field}Grams`] = [...sequence, ...singles].join(" . ");
    }
    return out;
  },
  query: (term) => {
    const chars = [...term];
    if (chars.length <= 2) return { q: `"${encodeGram(chars)}"`, exact: true };
    const exact = chars.length === 3 || (chars.length === 4 && chars[1] !== chars[2]);
    return { q: `"${gramsOf(chars, 2).join(" ")}"`, exact };
  },
};

function ngramSetScheme(maxN: number): Scheme {
  const fieldNames = HEADLINE_AND_BODY.flatMap((field) => Array.from({ length: maxN }, (_, i) => `${field}G${i + 1}`));
  return {
    name: `ngram-sets-${maxN}`,
    settings: {
      ...oursBase,
      searchableAttributes: fieldNames,
      localizedAttributes: [{ attributePatterns: ["*G1", "*G2", "*G3", "*G4"], locales: ["eng"] }],
      proximityPrecision: "byAttribute",
    },
    fields: (article) => {
      const out: Record<string, string> = {};
      for (const [field, text] of Object.entries(fieldTexts(article))) {
        const paragraphs = paragraphsOf(text);
        for (let n = 1; n <= maxN; n++) {
          out[`${field}G${n}`] = [...new Set(paragraphs.flatMap((chars) => gramsOf(chars, n)))].join(" ");
        }
      }
      return out;
    },
    query: (term) => {
      const chars = [...term];
      if (chars.length <= maxN) return { q: `"${encodeGram(chars)}"`, exact: true };
      return { q: `"${gramsOf(chars, maxN).join(" ")}"`, exact: false };
    },
  };
}

const plainScheme: Scheme = {
  name: "plain",
  settings: { pagination: { maxTotalHits: 1_000_000 } },
  fields: () => ({}),
  query: (term) => ({ q: term, exact: false }),
};

const SCHEMES = [plainScheme, charsScheme, encodedCharsScheme, encodedCharsOnlyScheme, bigramSeqScheme, ngramSetScheme(3), ngramSetScheme(4)];

function buildDocument(scheme: Scheme, article: Article): Record<string, unknown> {
  if (scheme === plainScheme) return toPlainDocument(article);
  const document: Record<string, unknown> = { ...toIndexDocument(article, toSourceStamp(article.sourceFile, "bench")) };
  if (scheme !== encodedCharsScheme && scheme !== encodedCharsOnlyScheme) {
    for (const key of ["titleChars", "kickerChars", "subtitleChars", "bodyChars", "authorsChars"]) delete document[key];
  }
  return { ...document, ...scheme.fields(article) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: ".data/bench/articles-all.jsonl" },
      limit: { type: "string" },
      seed: { type: "string", default: "20240521" },
      schemes: { type: "string" },
      repeat: { type: "string", default: "1" },
      "data-dir": { type: "string", default: ".data/bench-schemes" },
    },
  });
  const seed = Number(values.seed);
  let articles = readArticles(values.articles);
  if (values.limit) articles = sampleWithout(createRandom(seed), articles, Number(values.limit)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const schemes = values.schemes ? SCHEMES.filter((scheme) => values.schemes?.split(",").includes(scheme.name)) : SCHEMES;
  const queries = buildQueries(articles, seed).filter((query) => !/[\s:：]|^-/u.test(query.q) && !query.sources);
  const truth = buildGroundTruth(articles);
  const expected = queries.map((query) => truth.evaluate(query));
  const log = (line: string) => process.stderr.write(`[schemes] ${line}\n`);
  log(`${articles.length} articles, ${queries.length} single-term queries`);

  const dataDir = path.resolve(values["data-dir"]);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const engine = await startEngine({ dataDir, port: 0 });
  const rows: string[][] = [];
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    const repeat = Math.max(1, Number(values.repeat));
    // Indexing time is the least of `repeat` interleaved runs: the machine is shared and noisy.
    const best = new Map<Scheme, IndexCost>();
    for (let round = 1; round < repeat; round++) {
      for (const scheme of schemes) {
        const uid = `scheme_${scheme.name.replace(/-/g, "_")}_r${round}`;
        const cost = await indexScheme(client, dataDir, scheme, uid, articles);
        log(`round ${round} ${scheme.name}: ${(cost.indexingMs / 1000).toFixed(1)} s`);
        keepBest(best, scheme, cost);
        await client.runTask((meili) => meili.deleteIndex(uid));
      }
    }
    let plainMs = 0;
    for (const scheme of schemes) {
      const uid = `scheme_${scheme.name.replace(/-/g, "_")}`;
      keepBest(best, scheme, await indexScheme(client, dataDir, scheme, uid, articles));
      const { indexingMs, diskBytes: bytes } = best.get(scheme) ?? { indexingMs: 0, diskBytes: null };
      if (scheme === plainScheme) plainMs = indexingMs;

      let falsePositiveQueries = 0;
      let missQueries = 0;
      const verifyLoads: number[] = [];
      const searchMs: number[] = [];
      for (const [i, query] of queries.entries()) {
        const term = toMatchTerm(query.q);
        const { q, exact } = scheme.query(term);
        const started = performance.now();
        const response = await client.call((meili) =>
          meili.index<{ id: string }>(uid).search(q, {
            limit: 1_000_000,
            attributesToRetrieve: ["id"],
            matchingStrategy: "all",
            ...(scheme === plainScheme ? {} : { locales: scheme === charsScheme ? ["cmn"] : CODED_LOCALES }),
          }),
        );
        searchMs.push(performance.now() - started);
        const found = new Set(response.hits.map((hit) => hit.id));
        const truthIds = expected[i] ?? new Set<string>();
        if ([...found].some((id) => !truthIds.has(id))) falsePositiveQueries++;
        if ([...truthIds].some((id) => !found.has(id))) missQueries++;
        if (!exact) verifyLoads.push(found.size);
      }
      verifyLoads.sort((a, b) => a - b);
      searchMs.sort((a, b) => a - b);
      const at = (list: number[], fraction: number) => list[Math.min(list.length - 1, Math.floor(fraction * list.length))] ?? 0;
      rows.push([
        scheme.name,
        `${(indexingMs / 1000).toFixed(1)} s`,
        plainMs > 0 ? `${(indexingMs / plainMs).toFixed(2)}×` : "",
        formatBytes(bytes),
        String(missQueries),
        String(falsePositiveQueries),
        `${verifyLoads.length}`,
        verifyLoads.length ? `${at(verifyLoads, 0.5)}/${at(verifyLoads, 0.9)}/${at(verifyLoads, 1)}` : "-",
        `${at(searchMs, 0.5).toFixed(1)}/${at(searchMs, 0.95).toFixed(1)}`,
      ]);
      log(`${scheme.name}: ${rows[rows.length - 1]?.join(" | ")}`);
      await client.runTask((meili) => meili.deleteIndex(uid));
    }
  } finally {
    await engine.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const header = ["scheme", "indexing", "vs plain", "size", "q w/ miss", "q w/ FP (engine)", "q to verify", "verify cands p50/p90/max", "search ms p50/p95"];
  process.stdout.write([header, ...rows].map((row) => row.join(" | ")).join("\n") + "\n");
}

function indexScheme(client: EngineClient, dataDir: string, scheme: Scheme, uid: string, articles: readonly Article[]): Promise<IndexCost> {
  return buildIndex(client, dataDir, uid, scheme.settings, articles, (article) => buildDocument(scheme, article));
}

function keepBest(best: Map<Scheme, IndexCost>, scheme: Scheme, cost: IndexCost): void {
  const previous = best.get(scheme);
  if (!previous || cost.indexingMs < previous.indexingMs) best.set(scheme, cost);
}




main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

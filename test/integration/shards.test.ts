import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { loadAuthorDirectory } from "@/lib/search/author-directory";
import { loadAuthorProfile } from "@/lib/search/author-profile";
import { getIssueCalendar, getIssuesOfDay } from "@/lib/search/browse";
import { setShards } from "@/lib/search/connection";
import { countArticles } from "@/lib/search/count-articles";
import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { clientFor } from "@/lib/search/engine/managed";
import { startEngine, type RunningEngine } from "@/lib/search/engine/process";
import { searchAuthorNames } from "@/lib/search/facet-values";
import { iterateResultPages } from "@/lib/search/iterate-results";
import { getIssueNeighbours, getMoreByAuthors } from "@/lib/search/related";
import { FACET_FIELDS, getArchiveOverview, getArticle, searchArticles, type SearchContext, type SearchResult } from "@/lib/search/search-articles";
import { SearchRequestSchema, type SearchRequest } from "@/lib/search/search-request";
import { SCHEMA_VERSION } from "@/lib/search/index-schema";
import type { Shard } from "@/lib/search/shards";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { findMeilisearchPid } from "./process-helpers";

/**
 * One archive spread over three engines by date (Meilisearch's network feature and remote
 * federated search), against the same archive on one engine: every reader and librarian
 * answer must be the same, and an engine that is down must be named, not hidden.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-shards-"));
const engines: RunningEngine[] = await Promise.all([0, 1, 2].map((i) => startEngine({ dataDir: path.join(root, `engine-${i}`), port: 0 })));
const shards: Shard[] = [
  { name: "early", client: clientFor(engines[0]!), holds: { to: "2019-12-31" } },
  { name: "y2020", client: clientFor(engines[1]!), holds: { from: "2020-01-01", to: "2020-12-31" } },
  { name: "rest", client: clientFor(engines[2]!), holds: null },
];
const indexUid = uniqueIndexName("shards");
// The API route reads the configured index.
process.env.BAOKU_INDEX = indexUid;
const single: SearchContext = { client: connectTestEngine(), indexUid };
const sharded: SearchContext = { client: shards[0]!.client, indexUid, shards };
const feedDir = path.join(root, "feed");

const AUTHORS = ["李静", "王芳", "张伟", "赵敏", "陈晨"];
const TOPICS = ["经济", "文化", "科技"];
const ARTICLES = 420;
const UNDATED = 6;

/** Distinct dates (every other day from 2019-01-01 into 2021), so ties in relevance are broken by date alone. */
function dateOf(i: number): string | null {
  if (i < UNDATED) return null;
  return new Date(Date.UTC(2019, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10);
}

function writeFeed(moved: { index: number; date: string } | null = null): void {
  fs.mkdirSync(feedDir, { recursive: true });
  const lines = Array.from({ length: ARTICLES }, (_, i) =>
    JSON.stringify({
      id: `shard-${i}`,
      date: moved?.index === i ? moved.date : dateOf(i),
      title: `${TOPICS[i % 3]}报道第${i}篇${i % 4 === 0 ? "：档案" : ""}`,
      author: AUTHORS[i % AUTHORS.length],
      section: TOPICS[i % 3],
      source: i % 2 === 0 ? "测试日报" : "新闻联播",
      body: `这是第${i}篇关于${TOPICS[i % 3]}的报道。${i % 3 === 0 ? "档案馆开放检索服务。" : ""}${i % 5 === 0 ? "记者深入基层。" : "读者来信。"}`,
    }),
  );
  fs.writeFileSync(path.join(feedDir, "feed.jsonl"), lines.join("\n") + "\n");
}

function parse(request: Partial<SearchRequest>): SearchRequest {
  return SearchRequestSchema.parse(request);
}

/** Everything a reader sees of an answer: totals, the hits in order with their highlighted titles and snippets, facet counts. */
function describeAnswer(result: SearchResult): Pick<SearchResult, "total" | "totalPages" | "hits" | "facets"> {
  return { total: result.total, totalPages: result.totalPages, hits: result.hits, facets: result.facets };
}

async function countPerEngine(): Promise<number[]> {
  return Promise.all(shards.map(async (shard) => (await shard.client.call((meili) => meili.index(indexUid).getStats())).numberOfDocuments));
}

beforeAll(async () => {
  writeFeed();
  const one = await runIngest({ inputs: [feedDir], client: single.client, indexUid });
  const spread = await runIngest({ inputs: [feedDir], client: null, shards, indexUid });
  expect(one.articles).toBe(ARTICLES);
  expect(spread.articles).toBe(ARTICLES);
  expect(spread.issues.filter((issue) => issue.severity !== "notice")).toEqual([]);
});

afterAll(async () => {
  setShards(undefined);
  await Promise.all(engines.map((engine) => engine.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

const SEARCHES: Array<Partial<SearchRequest>> = [
  { q: "" },
  { q: "档案" },
  { q: "档案", sort: "newest" },
  { q: "档案", sort: "oldest", page: 2, size: 10 },
  { q: "报道", page: 3, size: 25 },
  { q: "档案 OR 基层" },
  { q: "报道 -档案", size: 50 },
  { q: "经济", author: ["李静"] },
  { q: "检索", from: "2019-06-01", to: "2020-06-30" },
  { q: "", source: ["新闻联播"], sort: "newest", page: 2 },
  { q: "第1" },
];

describe("an archive on three engines", () => {
  it("routes each article to the engine holding its date, undated ones to the catch-all", async () => {
    const dates = Array.from({ length: ARTICLES }, (_, i) => dateOf(i));
    const expected = [
      dates.filter((date) => date !== null && date <= "2019-12-31").length,
      dates.filter((date) => date !== null && date >= "2020-01-01" && date <= "2020-12-31").length,
      dates.filter((date) => date === null || date >= "2021-01-01").length,
    ];
    expect(expected.every((count) => count > 0)).toBe(true);
    expect(await countPerEngine()).toEqual(expected);
  });

  it.each(SEARCHES.map((request) => [JSON.stringify(request), request] as const))("answers %s with the ids, order, totals and facet counts of one engine", async (_label, request) => {
    const [one, spread] = await Promise.all([searchArticles(parse(request), single), searchArticles(parse(request), sharded)]);
    expect(one.total).toBeGreaterThan(0);
    expect(one.hits.length).toBeGreaterThan(0);
    expect(spread.missing).toEqual([]);
    expect(describeAnswer(spread)).toEqual(describeAnswer(one));
  });

  it("counts, exports, browses and lists authors as one engine does", async () => {
    const request = parse({ q: "档案 OR 基层", sort: "newest" });
    expect(await countArticles(request, FACET_FIELDS, sharded)).toEqual(await countArticles(request, FACET_FIELDS, single));

    const exportIds = async (context: SearchContext) => {
      const ids: string[] = [];
      for await (const page of iterateResultPages(request, 10_000, context, 40)) ids.push(...page.map((article) => article.id));
      return ids;
    };
    const exported = await exportIds(single);
    expect(exported.length).toBeGreaterThan(100);
    expect(await exportIds(sharded)).toEqual(exported);

    expect(await getArchiveOverview(sharded)).toEqual(await getArchiveOverview(single));
    expect(await getIssueCalendar(sharded)).toEqual(await getIssueCalendar(single));
    expect(await getIssuesOfDay("2020-03-01", sharded)).toEqual(await getIssuesOfDay("2020-03-01", single));
    const article = await getArticle((await searchArticles(parse({ q: "第100篇" }), single)).hits[0]?.article.id ?? "", single);
    expect(article).not.toBeNull();
    if (article) {
      expect(await getIssueNeighbours(article, sharded)).toEqual(await getIssueNeighbours(article, single));
      const works = await getMoreByAuthors(article, 5, single);
      expect(works[0]?.total).toBeGreaterThan(5);
      expect(await getMoreByAuthors(article, 5, sharded)).toEqual(works);
    }

    const byName = (entries: Awaited<ReturnType<typeof loadAuthorDirectory>>) => [...entries].sort((a, b) => `${a.name}${a.paper}`.localeCompare(`${b.name}${b.paper}`));
    expect(byName(await loadAuthorDirectory(sharded))).toEqual(byName(await loadAuthorDirectory(single)));
    const profile = await loadAuthorProfile("李静", null, single);
    expect(profile?.[0]?.count).toBeGreaterThan(10);
    expect(await loadAuthorProfile("李静", null, sharded)).toEqual(profile);

    const names = async (context: SearchContext) => (await searchAuthorNames("静", context)).sort((a, b) => a.value.localeCompare(b.value));
    expect(await names(sharded)).toEqual(await names(single));

    // One article from each engine's part, by the id the importer gave it.
    const ids = (await searchArticles(parse({ q: "", sort: "oldest", size: 100 }), single)).hits.map((hit) => hit.article.id);
    const picked = [ids[0], ids[10], ids[60], ids[99]].filter((id): id is string => id !== undefined);
    expect(picked).toHaveLength(4);
    for (const id of picked) {
      const article = await getArticle(id, single);
      expect(article?.id).toBe(id);
      expect(await getArticle(id, sharded)).toEqual(article);
    }
    expect(await getArticle("s000000-nope", sharded)).toBeNull();
  });

  it("re-imports without doubling, and moves an article whose date changed to its new engine", async () => {
    const before = await countPerEngine();
    const again = await runIngest({ inputs: [feedDir], client: null, shards, indexUid });
    expect(again.articles).toBe(ARTICLES);
    expect(await countPerEngine()).toEqual(before);

    // shard-10 was dated 2019; now it is dated 2021, so it belongs to the last engine.
    writeFeed({ index: 10, date: "2021-12-01" });
    await runIngest({ inputs: [feedDir], client: null, shards, indexUid });
    await runIngest({ inputs: [feedDir], client: single.client, indexUid });
    expect(await countPerEngine()).toEqual([(before[0] ?? 0) - 1, before[1], (before[2] ?? 0) + 1]);
    const found = await searchArticles(parse({ q: "第10篇" }), sharded);
    expect(found.hits.map((hit) => hit.article.date)).toEqual(["2021-12-01"]);
    expect(found.hits[0]?.title.some((segment) => segment.match)).toBe(true);
    expect(found.hits[0]?.article.id).toMatch(/-shard-10$/u);
    expect(describeAnswer(await searchArticles(parse({ q: "报道", sort: "newest" }), sharded))).toEqual(
      describeAnswer(await searchArticles(parse({ q: "报道", sort: "newest" }), single)),
    );
  });

  it("prunes a deleted file's articles on every engine and rebuilds every engine's index", async () => {
    const before = await countPerEngine();
    const extra = path.join(feedDir, "extra.jsonl");
    const dates = ["2019-05-05", "2020-05-05", "2021-05-05", null];
    fs.writeFileSync(
      extra,
      dates.map((date, i) => JSON.stringify({ id: `extra-${i}`, date, title: `增补稿件${i}`, author: "孙亮", section: "经济", source: "测试日报", body: `增补内容${i}。` })).join("\n") + "\n",
    );
    await runIngest({ inputs: [feedDir], client: null, shards, indexUid });
    expect(await countPerEngine()).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) + 1, (before[2] ?? 0) + 2]);

    fs.rmSync(extra);
    const pruned = await runIngest({ inputs: [feedDir], client: null, shards, indexUid, prune: true });
    expect(pruned.pruned?.articles).toBe(4);
    expect(await countPerEngine()).toEqual(before);

    const rebuilt = await runIngest({ inputs: [feedDir], client: null, shards, indexUid, rebuild: true });
    expect(rebuilt.articles).toBe(ARTICLES);
    expect(await countPerEngine()).toEqual(before);
    for (const shard of shards) {
      const indexes = await shard.client.call((meili) => meili.getRawIndexes({ limit: 1000 }));
      expect(indexes.results.filter((index) => index.uid.startsWith(`${indexUid}_build_`))).toEqual([]);
    }
    const request = parse({ q: "档案", sort: "oldest" });
    expect(describeAnswer(await searchArticles(request, sharded))).toEqual(describeAnswer(await searchArticles(request, single)));
  });

  it("refuses to import into an engine whose index has an older schema, naming what to do", async () => {
    const meta = await shards[2]!.client.call((meili) => meili.index("baoku_meta").getDocument(indexUid));
    await shards[2]!.client.runTask((meili) => meili.index("baoku_meta").addDocuments([{ ...meta, schemaVersion: SCHEMA_VERSION - 1 }]));
    try {
      await expect(runIngest({ inputs: [feedDir], client: null, shards, indexUid })).rejects.toThrow(/Rebuild it: npm run ingest -- --rebuild/u);
    } finally {
      await shards[2]!.client.runTask((meili) => meili.index("baoku_meta").addDocuments([meta]));
    }
  });

  it("reports a hung engine as missing, and searches it again once it answers", async () => {
    const request = parse({ q: "档案", sort: "newest" });
    const whole = describeAnswer(await searchArticles(request, single));
    const onRest = whole.hits[0]?.article.id ?? "";
    const onEarly = (await searchArticles(parse({ q: "", sort: "oldest" }), single)).hits.find((hit) => hit.article.date !== null)?.article.id ?? "";
    expect(whole.hits[0]?.article.date?.startsWith("2021")).toBe(true);
    const pid = findMeilisearchPid(path.join(root, "engine-2", "meili", "data.ms"));
    expect(pid).not.toBeNull();
    process.kill(pid ?? 0, "SIGSTOP");
    try {
      const hung = await searchArticles(request, sharded);
      expect(hung.missing.map((part) => part.engine)).toEqual(["rest"]);
      expect(hung.total).toBeLessThan(whole.total);
      // Articles by id: found on an engine that answers, 503 (not 404) for one on the hung engine.
      expect((await getArticle(onEarly, sharded))?.id).toBe(onEarly);
      await expect(getArticle(onRest, sharded)).rejects.toBeInstanceOf(EngineUnavailableError);
    } finally {
      process.kill(pid ?? 0, "SIGCONT");
    }
    // Left out for a few seconds after failing (shard-health.ts), then asked again.
    await new Promise((resolve) => setTimeout(resolve, 5500));
    const back = await searchArticles(request, sharded);
    expect(back.missing).toEqual([]);
    expect(describeAnswer(back)).toEqual(whole);
  });

  it("answers without an engine that is down, names the missing part, and refuses an incomplete export", async () => {
    const request = parse({ q: "档案" });
    const whole = await searchArticles(request, single);
    const in2020 = await searchArticles(parse({ q: "档案", from: "2020-01-01", to: "2020-12-31" }), single);
    await engines[1]!.stop();

    const partial = await searchArticles(request, sharded);
    expect(partial.missing).toEqual([{ engine: "y2020", holds: "2020-01-01 至 2020-12-31" }]);
    expect(partial.total).toBe(whole.total - in2020.total);
    expect(partial.hits.every((hit) => !(hit.article.date ?? "").startsWith("2020"))).toBe(true);

    // The API says so in its JSON.
    setShards(shards);
    const { GET: searchRoute } = await import("@/app/api/search/route");
    const response = await searchRoute(new NextRequest(new URL("/api/search?q=档案", "http://localhost:3000")));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; complete: boolean; missing: Array<{ engine: string }> };
    expect(body).toMatchObject({ total: partial.total, complete: false, missing: [{ engine: "y2020" }] });

    const exporting = iterateResultPages(request, 10_000, sharded);
    await expect(exporting.next()).rejects.toBeInstanceOf(EngineUnavailableError);
    const in2020Id = in2020.hits[0]?.article.id ?? "";
    expect(in2020Id).not.toBe("");
    await expect(getArticle(in2020Id, sharded)).rejects.toBeInstanceOf(EngineUnavailableError);

    // Without the first engine too, the last one coordinates the search.
    await engines[0]!.stop();
    const last = await searchArticles(parse({ q: "档案", sort: "newest" }), sharded);
    expect(last.missing.map((part) => part.engine).sort()).toEqual(["early", "y2020"]);
    expect(last.total).toBeGreaterThan(0);
    expect(last.hits.every((hit) => hit.article.date === null || hit.article.date >= "2021-01-01")).toBe(true);
  });
});

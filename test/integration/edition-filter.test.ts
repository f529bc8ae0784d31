import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { configureIndex, enqueueUpsert } from "@/lib/search/index-admin";
import { setEngineClient } from "@/lib/search/connection";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema, type SearchRequest } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { makeArticle, type FixtureInput } from "./search-exec-fixtures";

// The results page and the routes read the configured index; this file gets its own before anything reads the env.
process.env.BAOKU_INDEX = uniqueIndexName("edition");
const { runSearchPage } = await import("@/lib/app/search-page");
const { GET: searchRoute } = await import("@/app/api/search/route");
const { GET: exportRoute } = await import("@/app/api/export/route");

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: process.env.BAOKU_INDEX ?? "" };

/** Articles on known newspaper pages (版次); `null` is a feed item without one, like xwlb's. */
const FIXTURES: Array<FixtureInput & { page: number | null }> = [
  { id: "p4-jia", page: 4, title: "春耕经济观察", body: "春耕带动农村经济。", source: "甲报", date: "2020-03-01" },
  { id: "p4-yi", page: 4, title: "经济快讯", body: "本地经济稳中有进。", source: "乙报", date: "2020-03-02" },
  { id: "p5-jia", page: 5, title: "经济评论", body: "评论经济形势。", source: "甲报", date: "2020-03-03" },
  { id: "p1-jia", page: 1, title: "要闻：经济会议召开", body: "经济工作会议召开。", source: "甲报", date: "2020-03-04" },
  { id: "p12-yi", page: 12, title: "副刊里的经济", body: "散文写经济生活。", source: "乙报", date: "2020-03-05" },
  { id: "no-page", page: null, title: "新闻联播：经济数据发布", body: "经济数据发布。", source: "甲报", date: "2020-03-06" },
  { id: "p4-sport", page: 4, title: "体育新闻", body: "足球联赛开幕。", source: "甲报", date: "2020-03-07" },
];

function request(q: string, extra: Record<string, unknown> = {}): SearchRequest {
  return SearchRequestSchema.parse({ q, size: 100, ...extra });
}

async function findIds(q: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const result = await searchArticles(request(q, extra), context);
  expect(result.total).toBe(result.hits.length);
  return result.hits.map((hit) => hit.article.id).sort();
}

function get(pathAndQuery: string): NextRequest {
  return new NextRequest(new URL(pathAndQuery, "http://localhost:3000"));
}

beforeAll(async () => {
  await configureIndex(client, context.indexUid);
  const documents = FIXTURES.map(({ page, ...input }) => toIndexDocument({ ...makeArticle(input), page }, toSourceStamp(`fixtures/${input.id}.txt`, "1")));
  await client.waitForTask(await enqueueUpsert(client, context.indexUid, documents));
  setEngineClient(client);
});

afterAll(() => {
  setEngineClient(undefined);
});

describe("edition (版次) filter and facet over real Meilisearch", () => {
  it("narrows results to the chosen editions, ORed within the group and ANDed with other filters", async () => {
    expect(await findIds("经济")).toHaveLength(6);
    expect(await findIds("经济", { edition: ["4"] })).toEqual(["p4-jia", "p4-yi"]);
    expect(await findIds("经济", { edition: ["4", "5"] })).toEqual(["p4-jia", "p4-yi", "p5-jia"]);
    expect(await findIds("经济", { edition: ["4", "5"], source: ["甲报"] })).toEqual(["p4-jia", "p5-jia"]);
    expect(await findIds("", { edition: ["4"] })).toEqual(["p4-jia", "p4-sport", "p4-yi"]);
    expect(await findIds("经济", { edition: ["7"] })).toEqual([]);
  });

  it("applies the edition filter to OR queries too", async () => {
    expect(await findIds("春耕 OR 足球")).toEqual(["p4-jia", "p4-sport"]);
    expect(await findIds("春耕 OR 评论", { edition: ["5"] })).toEqual(["p5-jia"]);
  });

  it("counts results per page number, leaving out articles without one", async () => {
    const result = await searchArticles(request("经济"), context);
    expect(result.total).toBe(6);
    expect(result.facets.page).toEqual([
      { value: "4", count: 2 },
      { value: "1", count: 1 },
      { value: "12", count: 1 },
      { value: "5", count: 1 },
    ]);
    const feedOnly = await searchArticles(request("新闻联播"), context);
    expect(feedOnly.total).toBe(1);
    expect(feedOnly.facets.page).toEqual([]);
  });

  it("on the results page, edition counts ignore the edition selection (multi-select) while other groups follow it", async () => {
    const outcome = await runSearchPage({ q: "经济", edition: "4" });
    if (outcome.kind !== "ok") throw new Error(`results page: ${outcome.kind}`);
    expect(outcome.result.total).toBe(2);
    expect(outcome.facetCounts.edition).toEqual([
      { value: "4", count: 2 },
      { value: "1", count: 1 },
      { value: "12", count: 1 },
      { value: "5", count: 1 },
    ]);
    expect(outcome.facetCounts.source).toEqual([
      { value: "乙报", count: 1 },
      { value: "甲报", count: 1 },
    ]);
    const invalid = await runSearchPage({ q: "经济", edition: "0" });
    expect(invalid).toMatchObject({ kind: "invalid", message: expect.stringContaining("edition") });
  });

  it("GET /api/search and /api/export take edition like the page, and answer 400 naming it", async () => {
    const response = await searchRoute(get("/api/search?q=经济&edition=4&edition=5"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(3);
    expect(body.query.edition).toEqual([4, 5]);
    expect(body.facets.page).toEqual(expect.arrayContaining([{ value: "4", count: 2 }, { value: "5", count: 1 }]));

    for (const bad of ["0", "1000", "x", "4 OR page = 5"]) {
      const refused = await searchRoute(get(`/api/search?q=经济&edition=${encodeURIComponent(bad)}`));
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.message).toContain("edition");
    }

    const exported = await exportRoute(get("/api/export?format=jsonl&q=经济&edition=12"));
    expect(exported.status).toBe(200);
    const ids = (await exported.text()).trim().split("\n").map((line) => JSON.parse(line).id as string);
    expect(ids).toEqual(["p12-yi"]);
    expect((await exportRoute(get("/api/export?format=csv&edition=abc"))).status).toBe(400);
  });
});

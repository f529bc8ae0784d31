import { beforeAll, describe, expect, it } from "vitest";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { indexFixtures, type FixtureInput } from "./search-exec-fixtures";

/**
 * Relevance order against the real engine: whole jieba words before parts of
 * longer words (华人 vs 中华人民共和国), headline before body inside each, then
 * newest. Dates run against the expected order, so date alone would invert it.
 */

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("ranking") };

const FIXTURES: FixtureInput[] = [
  { id: "word-title", title: "华人的节日", body: "社区举办活动。", date: "2015-01-01" },
  { id: "word-body", title: "侨乡见闻", body: "旅居各国的华人与侨胞欢度春节。", date: "2016-01-01" },
  // jieba keeps 海外华人 and 华人社区 as single words: 华人 is only part of them.
  { id: "part-body-compound", title: "侨乡札记", body: "海外华人回乡。华人社区活动多。", date: "2024-01-01" },
  { id: "word-body-newer", title: "侨乡见闻续", body: "许多华人回乡过年。", date: "2016-06-01" },
  { id: "part-title", title: "中华人民共和国年鉴出版", body: "年度回顾。", date: "2021-01-01" },
  { id: "part-body", title: "国庆回顾", body: "中华人民共和国成立七十周年。", date: "2022-01-01" },
  { id: "unrelated", title: "天气预报", body: "明天晴。", date: "2023-01-01" },
];

async function idsFor(q: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const result = await searchArticles(SearchRequestSchema.parse({ q, ...extra }), context);
  expect(result.total).toBe(result.hits.length);
  return result.hits.map((hit) => hit.article.id);
}

beforeAll(async () => {
  await indexFixtures(client, context.indexUid, FIXTURES);
});

describe("relevance ranking", () => {
  it("puts articles where the term is a whole word before those where it is part of a longer word", async () => {
    expect(await idsFor("华人")).toEqual(["word-title", "word-body-newer", "word-body", "part-title", "part-body-compound", "part-body"]);
  });

  it("ranks the same for the Traditional spelling", async () => {
    expect(await idsFor("華人")).toEqual(await idsFor("华人"));
  });

  it("keeps exclusions exact while ranking by whole words", async () => {
    expect(await idsFor("华人 -春节")).toEqual(["word-title", "word-body-newer", "part-title", "part-body-compound", "part-body"]);
  });

  it("never widens the result set: the word token only orders", async () => {
    expect((await idsFor("人民共和")).sort()).toEqual(["part-body", "part-title"]);
    expect(await idsFor("华人社区")).toEqual(["part-body-compound"]);
  });

  it("ignores relevance when the reader sorts by date", async () => {
    expect(await idsFor("华人", { sort: "newest" })).toEqual(["part-body-compound", "part-body", "part-title", "word-body-newer", "word-body", "word-title"]);
  });
});

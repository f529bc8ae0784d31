import { beforeAll, describe, expect, it } from "vitest";
import { countArticles } from "@/lib/search/count-articles";
import { FACET_FIELDS, forgetRememberedAnswers, readSearchedVersion, searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, RecordingClient, uniqueIndexName } from "./helpers";
import { indexFixtures, type FixtureInput } from "./search-exec-fixtures";

/**
 * The results page's per-group and histogram counts come from countArticles:
 * no hits, cached per index version. They must equal what the full search
 * reports, and follow the index when it changes.
 */

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("counts") };

const FIXTURES: FixtureInput[] = Array.from({ length: 30 }, (_, i) => ({
  id: `c-${i}`,
  title: i % 3 === 0 ? `档案工作第${i}期` : `地方新闻第${i}期`,
  body: i % 2 === 0 ? "档案馆开放日，市民参观。" : "检索系统上线。",
  date: `${2018 + (i % 3)}-0${(i % 9) + 1}-15`,
  source: i % 4 === 0 ? "甲报" : "乙报",
}));

beforeAll(async () => {
  await indexFixtures(client, context.indexUid, FIXTURES);
});

describe("countArticles", () => {
  it("reports the same total and facet counts as the full search", async () => {
    for (const q of ["档案", "档案 OR 检索", "馆开放日", ""]) {
      const request = SearchRequestSchema.parse({ q, source: ["乙报"] });
      // Counted first: once searchArticles remembers the request's answer, countArticles reads its counts from it.
      const counted = await countArticles(request, FACET_FIELDS, context);
      const searched = await searchArticles(request, context);
      expect(counted.total, q).toBe(searched.total);
      expect(counted.facets, q).toEqual(searched.facets);
    }
  });

  it("computes only the groups asked for, with the full search's counts for them", async () => {
    const request = SearchRequestSchema.parse({ q: "档案", size: 7 });
    const sources = await countArticles(request, ["source"], context);
    const total = await countArticles(request, [], context);
    const searched = await searchArticles(request, context);
    expect(sources.total).toBe(searched.total);
    expect(sources.facets).toEqual({ source: searched.facets.source });
    expect(total).toEqual({ total: searched.total, facets: {}, missing: [], exact: true });
  });

  it("ignores paging and sort in its question but follows the index when documents change", async () => {
    const request = SearchRequestSchema.parse({ q: "档案" });
    const before = await countArticles(request, FACET_FIELDS, context);
    expect((await countArticles({ ...request, page: 3, sort: "newest" }, FACET_FIELDS, context)).total).toBe(before.total);
    await indexFixtures(client, context.indexUid, [{ id: "c-new", title: "新的档案报道", body: "正文。", date: "2021-05-01", source: "丙报" }]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await countArticles(request, FACET_FIELDS, context);
    expect(after.total).toBe(before.total + 1);
    expect(after.facets.source).toContainEqual({ value: "丙报", count: 1 });
  });
});

describe("countArticles' engine calls", () => {
  it("takes a filter group's counts from the search before the filter was ticked: no engine call", async () => {
    const recording = new RecordingClient(client.connection);
    const fresh: SearchContext = { client: recording, indexUid: uniqueIndexName("counts_reuse") };
    await indexFixtures(client, fresh.indexUid, FIXTURES);
    const version = await readSearchedVersion(fresh);
    const options = { settle: "later", version } as const;
    const before = SearchRequestSchema.parse({ q: "档案" });
    const searched = await searchArticles(before, fresh, options);
    recording.calls = 0;
    // The page with 乙报 ticked counts its source group as if unticked: the question the search above answered.
    const ticked = SearchRequestSchema.parse({ q: "档案", source: ["乙报"] });
    const counted = await countArticles({ ...ticked, source: [] }, ["source", "year"], fresh, options);
    expect(recording.calls).toBe(0);
    expect(counted).toEqual({ total: searched.total, facets: { source: searched.facets.source, year: searched.facets.year }, missing: [], exact: true });
    // Asked of the engine once nothing is remembered, the same counts.
    forgetRememberedAnswers();
    const engineCounted = await countArticles({ ...ticked, source: [] }, ["source"], fresh, options);
    expect(recording.calls).toBe(1);
    expect(engineCounted.facets.source).toEqual(counted.facets.source);
    expect(counted.facets.source.length).toBe(2);
  });

  it("reads the index version once for an uncounted question, verification included", async () => {
    const recording = new RecordingClient(client.connection);
    const fresh: SearchContext = { client: recording, indexUid: uniqueIndexName("counts_calls") };
    await indexFixtures(client, fresh.indexUid, FIXTURES);
    // The first question on an index also checks its schema; then the remembered version expires (index-version.ts).
    await countArticles(SearchRequestSchema.parse({ q: "" }), [], fresh);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    recording.methods = [];
    // 馆开放日 is a long term: its candidates are verified, which needs the version too.
    const counted = await countArticles(SearchRequestSchema.parse({ q: "馆开放日" }), ["source"], fresh);
    expect(counted.total).toBe(15);
    expect(recording.methods.filter((method) => method === "getRawIndex")).toHaveLength(1);
  });
});

describe("searchArticles' remembered answers", () => {
  it("serves the same answer for the same request, and a fresh one as soon as the index changes (no wait)", async () => {
    const request = SearchRequestSchema.parse({ q: "馆开放日" });
    const first = await searchArticles(request, context);
    const again = await searchArticles(request, context);
    expect(again.hits.map((hit) => hit.article.id)).toEqual(first.hits.map((hit) => hit.article.id));
    expect(again.total).toBe(first.total);
    await indexFixtures(client, context.indexUid, [{ id: "c-newer", title: "档案馆新闻", body: "档案馆开放日又来了。", date: "2021-06-01", source: "丙报" }]);
    const after = await searchArticles(request, context);
    expect(after.total).toBe(first.total + 1);
    expect(after.hits.map((hit) => hit.article.id)).toContain("c-newer");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { toExportRow, type ExportRow } from "@/lib/export/export-row";
import { iterateResultPages } from "@/lib/search/iterate-results";
import { searchArticles, SearchInputError, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema, type SearchRequest } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { indexFixtures, type FixtureInput } from "./search-exec-fixtures";

/**
 * Exports page through results with executeQuery directly (no facets, no
 * snippets, only the exported fields). They must export exactly what paging
 * through searchArticles gives, in the same order: many articles share a
 * date and a relevance, so ties are where orders could part.
 */

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("export_iter") };
const ARTICLES = 2300;
const BASE_URL = "http://localhost:3000";

const FIXTURES: FixtureInput[] = Array.from({ length: ARTICLES }, (_, i) => ({
  id: `exp-${String(i).padStart(4, "0")}`,
  title: i % 3 === 0 ? `档案检索报道第${i}篇` : `地方新闻第${i}篇`,
  body: [`这是第${i}篇报道。`, i % 2 === 0 ? "档案馆开放日。" : "检索系统上线。", i % 7 === 0 ? "档案检索服务。" : "天气晴好。"].join("\n"),
  date: `2020-0${(i % 3) + 1}-${String((i % 9) + 1).padStart(2, "0")}`,
  source: i % 4 === 0 ? "甲报" : "乙报",
  subtitle: i % 5 === 0 ? `——系列报道之${i % 10}` : undefined,
  authors: i % 11 === 0 ? [] : [{ name: i % 2 === 0 ? "李静" : "赵静茹", role: i % 3 === 0 ? "记者" : null }],
}));

function request(q: string, extra: Record<string, unknown> = {}): SearchRequest {
  return SearchRequestSchema.parse({ q, ...extra });
}

/** The former export: searchArticles page after page (size 100), as a reader pages through. */
async function exportThroughSearchArticles(searchRequest: SearchRequest, limit: number): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for (let page = 1; rows.length < limit; page++) {
    const result = await searchArticles({ ...searchRequest, page, size: 100 }, context);
    const articles = result.hits.slice(0, limit - rows.length).map((hit) => hit.article);
    if (articles.length === 0) break;
    rows.push(...articles.map((article) => toExportRow(article, BASE_URL)));
    if (page >= result.totalPages) break;
  }
  return rows;
}

async function exportLean(searchRequest: SearchRequest, limit: number, pageSize?: number): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const page of iterateResultPages(searchRequest, limit, context, pageSize)) {
    rows.push(...page.map((article) => toExportRow(article, BASE_URL)));
  }
  return rows;
}

beforeAll(async () => {
  await indexFixtures(client, context.indexUid, FIXTURES);
});

describe("iterateResultPages (exports)", () => {
  const cases: Array<[string, SearchRequest]> = [
    ["everything, by relevance", request("")],
    ["everything, newest first", request("", { sort: "newest" })],
    ["everything, oldest first", request("", { sort: "oldest" })],
    ["one broad term", request("档案")],
    ["a term that needs verification", request("档案检索服务")],
    ["OR of two terms (federated)", request("档案馆 OR 检索系统", { sort: "newest" })],
    ["a negated term", request("报道 -档案馆")],
    ["a title term and a body term", request("title:档案 报道")],
    ["filters: author with role, source, dates", request("报道", { author: "李静", role: "记者", source: "甲报", from: "2020-01-01", to: "2020-02-28" })],
  ];

  for (const [label, searchRequest] of cases) {
    it(`exports the same records in the same order as searchArticles: ${label}`, async () => {
      const expected = await exportThroughSearchArticles(searchRequest, 10_000);
      expect(expected.length, "the case has results").toBeGreaterThan(0);
      expect(await exportLean(searchRequest, 10_000)).toEqual(expected);
      // Pages of a results page's size give the same sequence too.
      expect(await exportLean(searchRequest, 10_000, 100)).toEqual(expected);
    });
  }

  it("stops at the limit, also in the middle of a page", async () => {
    const everything = request("", { sort: "newest" });
    const expected = await exportThroughSearchArticles(everything, 1234);
    expect(expected).toHaveLength(1234);
    expect(await exportLean(everything, 1234)).toEqual(expected);
    expect((await exportLean(everything, 10_000)).length).toBe(ARTICLES);
  });

  it("reports bad query input before yielding anything", async () => {
    await expect(iterateResultPages(request("字".repeat(300)), 10, context).next()).rejects.toThrow(SearchInputError);
  });
});

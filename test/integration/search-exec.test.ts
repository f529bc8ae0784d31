import { beforeAll, describe, expect, it } from "vitest";
import { toCodedPhrase } from "@/lib/search/coded-chars";
import { CODED_LOCALES } from "@/lib/search/engine-search";
import { toMatchTerm } from "@/lib/search/exact-match";
import { executeQuery } from "@/lib/search/execute-query";
import { CHAR_FIELDS, TITLE_CHAR_FIELDS } from "@/lib/search/index-schema";
import { compileQuery } from "@/lib/search/query/compile-query";
import { parseQuery } from "@/lib/search/query/parse-query";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema, type SearchRequest } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { indexFixtures, type FixtureInput } from "./search-exec-fixtures";

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("exec") };

const ELEVEN = ["春天", "夏日", "秋风", "冬雪", "东方", "西部", "南海", "北极", "山川", "河流", "湖泊"];

const FIXTURES: FixtureInput[] = [
  // 全国人大 gives the pair 国人, 人民 gives 人民, 国民 puts 国 and 民 close: a phrase "国 人 民" matches, the text does not.
  { id: "pairs-only", title: "经济形势座谈会", body: "全国人大代表审议报告。\n人民群众关心就业。\n国民经济稳中向好。", date: "2019-03-01" },
  { id: "guo-ren-min", title: "中国人民的节日", body: "中国人民欢度春节，经济活跃。", source: "人民日报", date: "2019-02-05" },
  { id: "inside-words", title: "扶持政策出台", body: "支持中小微企业发展，帮助大学生就业。", date: "2019-04-01" },
  { id: "numbers", title: "年度投资完成", body: "全年完成投资2691.06亿元，同比增长12%。\nPM2.5浓度下降，新建5G基站142个。", date: "2019-05-01" },
  { id: "near-numbers", title: "指数通报", body: "PM25指数为零，增长120%，另有269 106项。", date: "2019-05-02" },
  { id: "traditional-text", title: "醫院巡禮", body: "這家醫院的醫生很專業。", date: "2019-06-01" },
  { id: "simplified-text", title: "新院开张", body: "这家医院新开张。", date: "2019-06-02" },
  { id: "title-apart", title: "中部地区与国家战略", body: "中国经济持续发展。", date: "2019-07-01" },
  { id: "title-together", title: "中国经济年报", body: "年度回顾。", date: "2019-07-02" },
  { id: "by-zhang", title: "经济观察", body: "市场经济观察报告。", authors: [{ name: "张三", role: "记者" }], date: "2019-08-01" },
  { id: "by-li", title: "经济观察续", body: "市场经济观察续篇。", authors: [{ name: "李四", role: "记者" }], date: "2019-08-02" },
  { id: "eleven", title: "四季", body: ELEVEN.join("，"), date: "2019-09-01" },
  { id: "ten", title: "四季缺一", body: ELEVEN.slice(0, 10).join("，"), date: "2019-09-02" },
  ...Array.from({ length: 25 }, (_, i) => ({
    id: `page-${String(i + 1).padStart(2, "0")}`,
    title: `分页第${i + 1}篇`,
    body: `分页测试文档，序号${i + 1}。`,
    source: i % 2 === 0 ? "甲报" : "乙报",
    date: `2018-01-${String(i + 1).padStart(2, "0")}`,
  })),
];

function request(q: string, extra: Partial<SearchRequest> = {}): SearchRequest {
  return SearchRequestSchema.parse({ q, size: 100, ...extra });
}

async function findIds(q: string, extra: Partial<SearchRequest> = {}): Promise<string[]> {
  const result = await searchArticles(request(q, extra), context);
  expect(result.total).toBe(result.hits.length);
  return result.hits.map((hit) => hit.article.id).sort();
}

/** What the engine alone answers for one term, without verification. */
async function findByEngineOnly(term: string, fields: readonly string[]): Promise<string[]> {
  const response = await client.call((meili) =>
    meili.index<{ id: string }>(context.indexUid).search(toCodedPhrase(toMatchTerm(term)), {
      attributesToSearchOn: [...fields],
      locales: CODED_LOCALES,
      limit: 1000,
      attributesToRetrieve: ["id"],
    }),
  );
  return response.hits.map((hit) => hit.id).sort();
}

beforeAll(async () => {
  await indexFixtures(client, context.indexUid, FIXTURES);
});

describe("exact substring search over real Meilisearch", () => {
  it("drops the phrase false positive the engine's pair tables produce (国人民)", async () => {
    expect(await findByEngineOnly("国人民", CHAR_FIELDS)).toContain("pairs-only");
    expect(await findIds("国人民")).toEqual(["guo-ren-min"]);
  });

  it("finds words inside longer words", async () => {
    expect(await findIds("小微")).toEqual(["inside-words"]);
    expect(await findIds("学生")).toEqual(["inside-words"]);
  });

  it("matches numbers, percentages and Latin mixed tokens exactly, punctuation included", async () => {
    expect(await findIds("2691.06亿元")).toEqual(["numbers"]);
    expect(await findIds("269106")).toEqual(["near-numbers"]);
    expect(await findIds("12%")).toEqual(["numbers"]);
    expect(await findIds("PM2.5")).toEqual(["numbers"]);
    expect(await findIds("pm25")).toEqual(["near-numbers"]);
    expect(await findIds("5G基站")).toEqual(["numbers"]);
    expect(await findIds("142个")).toEqual(["numbers"]);
  });

  it("finds Simplified text for Traditional queries and the reverse", async () => {
    expect(await findIds("醫院")).toEqual(["simplified-text", "traditional-text"]);
    expect(await findIds("医生")).toEqual(["traditional-text"]);
  });

  it("ORs branches, counting each article once", async () => {
    const result = await searchArticles(request("国人民 OR 小微 OR 经济形势"), context);
    expect(result.hits.map((hit) => hit.article.id).sort()).toEqual(["guo-ren-min", "inside-words", "pairs-only"]);
    expect(result.total).toBe(3);
  });

  it("excludes only articles that really contain a negated term", async () => {
    // The engine alone would also drop pairs-only, whose pairs look like 国人民.
    expect(await findIds("经济 -国人民")).toEqual(
      ["by-li", "by-zhang", "pairs-only", "title-apart", "title-together"].sort(),
    );
    expect(await findIds("经济观察 -续篇")).toEqual(["by-zhang"]);
  });

  it("restricts title: terms to headline fields even when the body holds the adjacent pair", async () => {
    expect(await findByEngineOnly("中国", TITLE_CHAR_FIELDS)).toContain("title-apart");
    expect(await findIds("title:中国")).toEqual(["guo-ren-min", "title-together"]);
    expect(await findIds("title:中国 经济")).toEqual(["guo-ren-min", "title-together"]);
  });

  it("filters by author", async () => {
    expect(await findIds("author:张三 经济")).toEqual(["by-zhang"]);
    expect(await findIds("经济观察 -author:张三")).toEqual(["by-li"]);
  });

  it("requires every one of more than ten terms", async () => {
    expect(await findIds(ELEVEN.join(" "))).toEqual(["eleven"]);
    expect(await findIds(ELEVEN.slice(0, 10).join(" "))).toEqual(["eleven", "ten"]);
  });

  it("pages through an exact total without repeats, for one branch and for several", async () => {
    for (const q of ["分页测试", "分页测试 OR 湖泊"]) {
      const expectedTotal = q.includes("OR") ? 26 : 25;
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const result = await searchArticles(request(q, { size: 10, page }), context);
        expect(result.total).toBe(expectedTotal);
        expect(result.totalPages).toBe(3);
        seen.push(...result.hits.map((hit) => hit.article.id));
      }
      expect(seen).toHaveLength(expectedTotal);
      expect(new Set(seen).size).toBe(expectedTotal);
    }
  });

  it("counts facets over the verified set only", async () => {
    const result = await searchArticles(request("国人民"), context);
    expect(result.facets.source).toEqual([{ value: "人民日报", count: 1 }]);
    const paged = await searchArticles(request("分页测试 OR 国人民"), context);
    expect(paged.facets.source).toEqual([
      { value: "甲报", count: 13 },
      { value: "乙报", count: 12 },
      { value: "人民日报", count: 1 },
    ]);
  });

  it("applies the reader's filter and sort to OR queries", async () => {
    const filtered = await findIds("分页测试 OR 国人民", { source: ["人民日报"] });
    expect(filtered).toEqual(["guo-ren-min"]);
    const newest = await searchArticles(request("分页测试 OR 国人民", { sort: "newest", size: 5 }), context);
    const dates = newest.hits.map((hit) => hit.article.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe("2019-02-05");
    const oldest = await searchArticles(request("分页测试", { sort: "oldest", size: 3 }), context);
    expect(oldest.hits.map((hit) => hit.article.id)).toEqual(["page-01", "page-02", "page-03"]);
  });

  it("ranks headline matches before body matches", async () => {
    const result = await searchArticles(request("经济"), context);
    const titles = result.hits.map((hit) => hit.article.title);
    const firstBodyOnly = titles.findIndex((title) => !title.includes("经济"));
    const lastTitle = titles.map((title) => title.includes("经济")).lastIndexOf(true);
    expect(firstBodyOnly === -1 || lastTitle < firstBodyOnly).toBe(true);
  });

  it("runs compiled queries directly with the requested fields", async () => {
    const parsed = parseQuery("国人民");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const compiled = compileQuery(parsed.query);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const result = await executeQuery<{ id: string }>(context, {
      compiled: compiled.compiled,
      filter: null,
      sort: "relevance",
      page: 1,
      hitsPerPage: 10,
      facets: ["source"],
      attributesToRetrieve: ["id"],
    });
    expect(result).toMatchObject({ hits: [{ id: "guo-ren-min" }], totalHits: 1, totalPages: 1, page: 1 });
    expect(result.facetDistribution.source).toEqual({ 人民日报: 1 });
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { countDocuments } from "@/lib/search/index-admin";
import { searchArticles, getArticle, hasArticle, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("sample") };
const sample = { inputs: ["sample/pages"], manifestPath: "sample/manifest.json" };

function search(q: string, extra: Record<string, unknown> = {}) {
  return searchArticles(SearchRequestSchema.parse({ q, ...extra }), context);
}

describe("ingest the bundled sample, then search it", () => {
  let firstCount = 0;

  beforeAll(async () => {
    const summary = await runIngest({ ...sample, client, indexUid: context.indexUid });
    expect(summary.issues.filter((issue) => issue.severity !== "notice")).toEqual([]);
    firstCount = await countDocuments(client, context.indexUid);
  });

  it("stores every article of both pages", () => {
    expect(firstCount).toBeGreaterThanOrEqual(17);
  });

  it("finds 小马书屋 with its byline 魏薇 and highlights the whole term", async () => {
    const result = await search("小马书屋");
    expect(result.total).toBe(1);
    const hit = result.hits[0];
    expect(hit?.article.title).toBe("我省新增一所“小马书屋”");
    expect(hit?.article.authors.map((author) => author.name)).toEqual(["魏薇"]);
    expect(hit?.title.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(["小马书屋"]);
  });

  it("matches words inside longer words, numbers with units and Traditional forms", async () => {
    const headlines = (await search("小微")).hits.map((hit) => `${hit.article.kicker ?? ""}|${hit.article.title}`);
    expect(headlines.some((headline) => headline.includes("建立协调工作机制 解决民企融资难题"))).toBe(true);
    expect((await search("2691.06亿元")).total).toBe(1);
    expect((await search("269106")).total).toBe(0);
    expect((await search("民營醫院")).total).toBeGreaterThanOrEqual(1);
  });

  it("reads an article back by id, and says null for an unknown one", async () => {
    const hit = (await search("小马书屋")).hits[0];
    const article = await getArticle(hit?.article.id ?? "", context);
    expect(article?.blocks.length).toBeGreaterThan(0);
    expect(await getArticle("no-such-article", context)).toBeNull();
    expect(await getArticle("../../etc/passwd", context)).toBeNull();
    expect(await hasArticle(hit?.article.id ?? "", context)).toBe(true);
    expect(await hasArticle("no-such-article", context)).toBe(false);
    expect(await hasArticle("../../etc/passwd", context)).toBe(false);
  });

  it("re-ingesting the same files changes nothing", async () => {
    await runIngest({ ...sample, client, indexUid: context.indexUid });
    expect(await countDocuments(client, context.indexUid)).toBe(firstCount);
  });
});

describe("a changed file replaces its articles", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-changed-"));
  const file = path.join(dir, "page.txt");
  const indexUid = uniqueIndexName("changed");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("removes the old version's articles and keeps the new ones", async () => {
    fs.writeFileSync(file, "甲地新建图书馆\n\n本报讯 甲地新建图书馆今日开放，藏书十万册。（张三）\n");
    await runIngest({ inputs: [file], client, indexUid });
    const context2 = { client, indexUid };
    expect((await searchArticles(SearchRequestSchema.parse({ q: "图书馆" }), context2)).total).toBe(1);

    fs.writeFileSync(file, "乙地新建体育馆\n\n本报讯 乙地新建体育馆今日开放，可容纳五千人。（李四）\n");
    await runIngest({ inputs: [file], client, indexUid });
    expect((await searchArticles(SearchRequestSchema.parse({ q: "图书馆" }), context2)).total).toBe(0);
    expect((await searchArticles(SearchRequestSchema.parse({ q: "体育馆" }), context2)).total).toBe(1);
    expect(await countDocuments(client, indexUid)).toBe(1);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { ATOM_NAMESPACE } from "@/lib/feed/atom-feed";
import { FEED_SIZE } from "@/lib/feed/search-feed";
import { setEngineClient } from "@/lib/search/connection";
import { connectTestEngine, uniqueIndexName } from "./helpers";

// Route handlers read the configured index; this file gets its own before anything reads the env.
process.env.BAOKU_INDEX = uniqueIndexName("feed");
const { GET: feedRoute } = await import("@/app/search/feed/route");
const { GET: searchRoute } = await import("@/app/api/search/route");

const client = connectTestEngine();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-feed-"));
const ORIGIN = "http://localhost:3000";
const MATCHING = 70;
/** Markup-like text and a control character (U+0007) that XML 1.0 forbids, in the newest matching article. */
const MARKUP_TITLE = `<b>A&B</b> 订阅检索\u0007"号外"`;

function request(pathAndQuery: string): NextRequest {
  return new NextRequest(new URL(pathAndQuery, ORIGIN));
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);
}

type Entry = { id: string; title: string; updated: string; link: Array<{ "@_href": string }>; author?: Array<{ name: string }>; summary: string };
type Feed = { "@_xmlns": string; id: string; title: string; updated: string; link: Array<{ "@_rel": string; "@_href": string }>; entry?: Entry[] };

/** Fails unless the text is well-formed XML 1.0 without forbidden characters; returns the <feed> element. */
function parseFeed(xml: string): Feed {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["entry", "author", "link"].includes(name) });
  return parser.parse(xml).feed as Feed;
}

async function fetchFeed(query: string): Promise<{ status: number; type: string | null; xml: string }> {
  const response = await feedRoute(request(`/search/feed?${query}`));
  return { status: response.status, type: response.headers.get("content-type"), xml: await response.text() };
}

beforeAll(async () => {
  const lines = [
    ...Array.from({ length: MATCHING }, (_, i) => ({
      id: `feed-${i}`,
      date: isoDay(i * 3),
      title: `第${i}篇订阅检索报道`,
      author: i % 2 === 0 ? "李静" : "赵静茹",
      source: "测试日报",
      body: `读者订阅检索之后，第${i}篇会出现在阅读器里。`,
    })),
    { id: "feed-markup", date: "2021-06-01", title: MARKUP_TITLE, author: "王五", source: "测试日报", body: "正文写着 <script>alert(1)</script> 与订阅检索 & 更多。" },
    { id: "feed-other", date: "2022-01-01", title: "无关的报道", author: "李静", source: "测试日报", body: "与检索词无关。" },
  ];
  fs.writeFileSync(path.join(dir, "feed.jsonl"), lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
  setEngineClient(client);
  const summary = await runIngest({ inputs: [dir], client, indexUid: process.env.BAOKU_INDEX ?? "" });
  expect(summary.articles).toBe(lines.length);
});

afterAll(() => {
  setEngineClient(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("GET /search/feed", () => {
  it("answers a well-formed Atom feed with the feed's required elements", async () => {
    const { status, type, xml } = await fetchFeed("q=订阅检索");
    expect(status).toBe(200);
    expect(type).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(xml);
    expect(feed["@_xmlns"]).toBe(ATOM_NAMESPACE);
    expect(feed.id).toBe(`${ORIGIN}/search?q=${encodeURIComponent("订阅检索")}`);
    expect(feed.title).toBe("报库：“订阅检索”");
    expect(feed.updated).toBe("2021-06-01T00:00:00+08:00");
    const links = Object.fromEntries(feed.link.map((link) => [link["@_rel"], link["@_href"]]));
    expect(links.self).toBe(`${ORIGIN}/search/feed?q=${encodeURIComponent("订阅检索")}`);
    expect(links.alternate).toBe(`${ORIGIN}/search?q=${encodeURIComponent("订阅检索")}&sort=newest`);
    const entries = feed.entry ?? [];
    expect(entries).toHaveLength(FEED_SIZE);
    for (const entry of entries) {
      expect(entry.id).toMatch(new RegExp(`^${ORIGIN}/articles/[\\w-]+$`));
      expect(entry.link.map((link) => link["@_href"])).toEqual([entry.id]);
      expect(entry.title).not.toBe("");
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
      expect(entry.summary).toContain("订阅检索");
    }
  });

  it("lists the newest first, exactly the JSON API's sort=newest ids, whatever order and page the URL asks for", async () => {
    const api = await (await searchRoute(request(`/api/search?q=订阅检索&sort=newest&size=${FEED_SIZE}`))).json();
    const expected = api.hits.map((hit: { article: { id: string } }) => `${ORIGIN}/articles/${hit.article.id}`);
    for (const query of ["q=订阅检索", "q=订阅检索&sort=oldest&page=3&size=5"]) {
      const entries = parseFeed((await fetchFeed(query)).xml).entry ?? [];
      expect(entries.map((entry) => entry.id), query).toEqual(expected);
      const dates = entries.map((entry) => entry.updated);
      expect(dates, query).toEqual([...dates].sort().reverse());
    }
  });

  it("escapes markup and drops characters XML 1.0 forbids, and the reader gets the text back as written", async () => {
    const { xml } = await fetchFeed("q=订阅检索");
    expect(xml).toContain("&lt;b&gt;A&amp;B&lt;/b&gt; 订阅检索&quot;号外&quot;");
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("<script>");
    const api = await (await searchRoute(request("/api/search?q=号外"))).json();
    expect(api.hits[0].article.title, "the stored title keeps the control character").toBe(MARKUP_TITLE);
    const first = parseFeed(xml).entry?.[0];
    expect(first?.title).toBe(`<b>A&B</b> 订阅检索"号外"`);
    expect(first?.summary).toContain("<script>alert(1)</script> 与订阅检索 & 更多");
    expect(first?.author?.map((author) => author.name)).toEqual(["王五"]);
  });

  it("keeps the filters and names them in the title", async () => {
    const feed = parseFeed((await fetchFeed("q=订阅检索&author=李静&from=2020-02-01&to=2020-03-31")).xml);
    expect(feed.title).toBe("报库：“订阅检索” · 日期：2020-02-01 至 2020-03-31 · 作者：李静");
    const entries = feed.entry ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.author?.map((author) => author.name)).toEqual(["李静"]);
      expect(entry.updated >= "2020-02-01" && entry.updated < "2020-04-01").toBe(true);
    }
  });

  it("answers a search without matches with a valid feed without entries", async () => {
    const feed = parseFeed((await fetchFeed("q=没有这个词语")).xml);
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("answers 400 naming the bad parameter, as the JSON API does", async () => {
    for (const [query, name] of [["from=2020/01/01", "from"], ["sort=random", "sort"], ["edition=0", "edition"]] as const) {
      const { status, type, xml } = await fetchFeed(`q=订阅检索&${query}`);
      expect(status, query).toBe(400);
      expect(type, query).toContain("application/json");
      expect(JSON.parse(xml).error.message, query).toContain(name);
    }
  });

  it("asks the engine for hits only: the same total and hits as the faceted search, no facet counts", async () => {
    const { searchArticles, FACET_FIELDS } = await import("@/lib/search/search-articles");
    const { SearchRequestSchema } = await import("@/lib/search/search-request");
    const request = SearchRequestSchema.parse({ q: "报道", sort: "newest" });
    const faceted = await searchArticles(request);
    const plain = await searchArticles(request, undefined, { facets: false });
    expect(plain.total).toBe(faceted.total);
    expect(plain.hits.map((hit) => hit.article.id)).toEqual(faceted.hits.map((hit) => hit.article.id));
    expect(FACET_FIELDS.some((field) => faceted.facets[field].length > 0)).toBe(true);
    for (const field of FACET_FIELDS) expect(plain.facets[field]).toEqual([]);
  });
});

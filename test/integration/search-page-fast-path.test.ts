import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { MAX_URL_LENGTH } from "@/lib/api/request-limits";
import { SECURITY_HEADERS } from "@/lib/app/security-headers";
import { setEngineClient } from "@/lib/search/connection";
import { searchArticles } from "@/lib/search/search-articles";
import { parseSearchRequest } from "@/lib/search/search-request";
import { connectTestEngine, readIslandData, uniqueIndexName } from "./helpers";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { enqueueUpsert } from "@/lib/search/index-admin";
import { waitForSettling } from "@/lib/search/settle-later";
import { makeArticle, type FixtureInput } from "./search-exec-fixtures";

// The results page's fast path (what `npm start` serves full loads of /search with) on a real index.
// It runs as scripts/build-islands.ts builds it, with next/link a plain link and next/navigation
// full page loads; the same two replacements are made here.
vi.mock("next/link", () => import("@/components/islands/plain-link"));
vi.mock("next/navigation", () => import("@/components/islands/full-page-router"));

process.env.BAOKU_INDEX = uniqueIndexName("fastpage");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-fastpage-"));
process.env.BAOKU_DATA_DIR = dataDir;
const { getDatabase } = await import("@/lib/corrections/database");
const { createSession } = await import("@/lib/librarians/sessions");
const { addLibrarian } = await import("@/lib/librarians/accounts");
const { getPageCache, loadFastPageBuild, takeSearchPageRequest } = await import("@/lib/server/search-page-fast-path");

const client = connectTestEngine();
const feedDir = path.join(dataDir, "feed");
const ISLAND = "facets-TEST1234.js";
const built = {
  assets: { stylesheets: ["/_next/static/chunks/site.css"], facetsScript: `/_islands/${ISLAND}` },
  islands: new Map([[ISLAND, { plain: Buffer.from("/* the island */"), gzipped: zlib.gzipSync("/* the island */") }]]),
};
const fallbackHits: string[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  fs.mkdirSync(feedDir);
  const lines = Array.from({ length: 60 }, (_, i) =>
    JSON.stringify({
      id: `fpg-${i}`,
      date: `202${i % 3}-0${(i % 9) + 1}-1${i % 10}`,
      title: i % 3 === 0 ? `醫院改革第${i}篇` : `档案整理第${i}篇`,
      author: ["李静", "王海", "赵静茹"][i % 3],
      section: i % 2 === 0 ? "要闻" : "社会",
      source: "测试日报",
      body: `第${i}篇：医院与档案馆合作，整理${i % 4 === 0 ? "小微企业" : "地方志"}资料。`,
    }),
  );
  fs.writeFileSync(path.join(feedDir, "feed.jsonl"), lines.join("\n") + "\n");
  setEngineClient(client);
  const summary = await runIngest({ inputs: [feedDir], client, indexUid: process.env.BAOKU_INDEX ?? "" });
  expect(summary.articles).toBe(60);
  server = http.createServer((request, response) => {
    const fallback = () => {
      fallbackHits.push(`${request.method} ${request.url}`);
      response.writeHead(299).end();
    };
    if (!takeSearchPageRequest(request, response, built, fallback)) fallback();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  setEngineClient(undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function get(target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${target}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

type IslandData = { total: number; request: { q: string }; facetCounts: Record<string, Array<{ value: string; count: number }>>; authorMatches: Array<{ value: string }> | null };
const readFacetsData = (html: string) => readIslandData<IslandData>(html);

describe("GET /search through the fast path", () => {
  it("renders the whole results page: results, counts, filters and the island's data", async () => {
    const response = await get(`/search?q=${encodeURIComponent("医院")}&author=${encodeURIComponent("李静")}`);
    expect(response.status).toBe(200);
    const html = response.body.toString("utf8");
    const parsed = parseSearchRequest(new URLSearchParams({ q: "医院", author: "李静" }));
    if (!parsed.ok) throw new Error(parsed.message);
    const expected = await searchArticles(parsed.request);
    expect(expected.total).toBeGreaterThan(0);
    expect(html.startsWith("<!DOCTYPE html><html lang=\"zh-CN\">")).toBe(true);
    expect(html).toContain("<title>医院 - 检索 · 报库</title>");
    expect(html).toMatch(new RegExp(`共 <strong>${expected.total}</strong> 篇`));
    // One result per hit, each linking to its article, with the term marked (醫院 too).
    expect(html.match(/data-testid="result"/g)).toHaveLength(expected.hits.length);
    for (const hit of expected.hits) expect(html).toContain(`href="/articles/${hit.article.id}?`);
    expect(html).toContain("<mark");
    // The filter panel, with the chosen author ticked and the island's data for the same panel.
    const authorBoxes = html.match(/<input type="checkbox"[^>]*name="author"[^>]*>/g) ?? [];
    expect(authorBoxes.filter((tag) => tag.includes('checked=""')).map((tag) => /value="([^"]*)"/.exec(tag)?.[1])).toEqual(["李静"]);
    const facets = readFacetsData(html);
    expect(facets.total).toBe(expected.total);
    expect(facets.request.q).toBe("医院");
    expect(facets.facetCounts.author?.map((row) => row.value)).toContain("李静");
    // The build's stylesheet and island script; the feed for this search.
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css"/>');
    expect(html).toContain(`src="/_islands/${ISLAND}"`);
    expect(html).toContain('rel="alternate" type="application/atom+xml" href="/search/feed?q=');
  });

  it("puts this response's nonce on every script the page runs, and sends the page's headers", async () => {
    const response = await get(`/search?q=${encodeURIComponent("档案")}`);
    const policy = String(response.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    const html = response.body.toString("utf8");
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    const executable = scripts.filter((tag) => !tag.includes('type="application/json"'));
    expect(executable.length).toBe(2);
    for (const tag of executable) expect(tag).toContain(`nonce="${nonce}"`);
    for (const { key, value } of SECURITY_HEADERS) expect(response.headers[key.toLowerCase()]).toBe(value);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["cache-control"]).toContain("no-store");
    // A second page load gets another nonce.
    const again = await get(`/search?q=${encodeURIComponent("档案")}`);
    expect(String(again.headers["content-security-policy"])).not.toContain(nonce);
  });

  it("keeps the island's data inert inside its script element", async () => {
    const response = await get(`/search?q=${encodeURIComponent("</script><script>alert(1)</script>")}`);
    const html = response.body.toString("utf8");
    expect(html).not.toContain("<script>alert(1)");
    expect(readFacetsData(html).request.q).toBe("</script><script>alert(1)</script>");
  });

  it("shows a bad request as the page does, with the reason", async () => {
    const response = await get("/search?q=档案&from=2021-13-01");
    expect(response.status).toBe(200);
    const html = response.body.toString("utf8");
    expect(html).toContain("无法执行这个检索");
    expect(html).toContain("from");
    expect(html).not.toContain('id="facets-data"');
  });

  it("says why a query cannot run, in the reader's words: a NEAR distance out of range", async () => {
    const html = (await get(`/search?q=${encodeURIComponent("档案 NEAR/99 馆藏")}`)).body.toString("utf8");
    expect(html).toContain("无法执行这个检索");
    expect(html).toContain("邻近距离须为 1–50 个字，如 NEAR/5（输入的是 NEAR/99）");
  });

  it("shows the signed-in librarian in the header, and nobody without a session", async () => {
    await addLibrarian(getDatabase(), "档案员甲", "a long enough password");
    const { token } = createSession(getDatabase(), "档案员甲");
    const signedIn = (await get("/search?q=档案", { cookie: `other=1; baoku_session=${token}` })).body.toString("utf8");
    expect(signedIn).toContain("馆员 <!-- -->档案员甲");
    expect(signedIn).toContain("librarian-nav");
    const anonymous = (await get("/search?q=档案", { cookie: "baoku_session=not-a-session" })).body.toString("utf8");
    const malformed = await get("/search?q=档案", { cookie: "baoku_session=%E0%A4%A" });
    expect(malformed.status).toBe(200);
    expect(malformed.body.toString("utf8")).not.toContain("librarian-nav");
    expect(anonymous).not.toContain("librarian-nav");
    expect(anonymous).toContain("<title>档案 - 检索 · 报库</title>");
  });

  it("compresses for clients that accept gzip", async () => {
    const zipped = await get("/search?q=档案", { "accept-encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    const html = zlib.gunzipSync(zipped.body).toString("utf8");
    expect(html).toContain("<title>档案 - 检索 · 报库</title>");
    const plain = await get("/search?q=档案");
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("serves the built island scripts for a year, and nothing else under their prefix", async () => {
    const island = await get(`/_islands/${ISLAND}`);
    expect(island.status).toBe(200);
    expect(island.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(island.headers["cache-control"]).toContain("immutable");
    expect(island.body.toString("utf8")).toBe("/* the island */");
    const zipped = await get(`/_islands/${ISLAND}`, { "accept-encoding": "gzip, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(zipped.body).toString("utf8")).toBe("/* the island */");
    fallbackHits.length = 0;
    await get("/_islands/other.js");
    expect(fallbackHits).toEqual(["GET /_islands/other.js"]);
  });

  it("leaves client navigations, other methods, other paths and requests over the limits to Next.js", async () => {
    fallbackHits.length = 0;
    await get("/search?q=档案", { rsc: "1" });
    await get("/search?q=档案", { "next-router-prefetch": "1" });
    await fetch(`${base}/search?q=档案`, { method: "HEAD" });
    await get("/search/advanced?q=档案");
    await get("/searching");
    await get("/search/?q=档案");
    await get(`/search?q=${"档".repeat(Math.ceil(MAX_URL_LENGTH / 9) + 10)}`);
    expect(fallbackHits.map((hit) => `${hit.split("?")[0]} ${hit.length > 1000 ? "long" : ""}`.trim())).toEqual([
      "GET /search",
      "GET /search",
      "HEAD /search",
      "GET /search/advanced",
      "GET /searching",
      "GET /search/",
      "GET /search long",
    ]);
  });
});

describe("remembered results pages", () => {
  /** The page without what differs per response: its nonce and the time shown. */
  const withoutHoles = (html: string, nonce: string) => html.replaceAll(nonce, "NONCE").replace(/用时 (?:<!-- -->)?\d+(?:<!-- -->)? 毫秒/, "用时 N 毫秒");
  const readNonce = (headers: http.IncomingHttpHeaders) => /'nonce-([^']+)'/.exec(String(headers["content-security-policy"]))?.[1] ?? "";

  it("serves an anonymous page again from memory, with this response's nonce and time, until the index changes", async () => {
    const target = `/search?q=${encodeURIComponent("整理")}&source=${encodeURIComponent("测试日报")}`;
    const first = await get(target);
    const before = getPageCache().readCounts();
    // The same parameters in another order are the same page.
    const again = await get(`/search?source=${encodeURIComponent("测试日报")}&q=${encodeURIComponent("整理")}`);
    const after = getPageCache().readCounts();
    expect(after.hits).toBe(before.hits + 1);
    const [firstNonce, againNonce] = [readNonce(first.headers), readNonce(again.headers)];
    expect(firstNonce).not.toBe(againNonce);
    const html = again.body.toString("utf8");
    for (const tag of (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes('type="application/json"'))) expect(tag).toContain(`nonce="${againNonce}"`);
    expect(html).toMatch(/用时 (?:<!-- -->)?\d+(?:<!-- -->)? 毫秒/);
    expect(withoutHoles(html, againNonce)).toBe(withoutHoles(first.body.toString("utf8"), firstNonce));
    const total = Number(/共 <strong>(\d+)<\/strong> 篇/.exec(html)?.[1]);
    expect(total).toBeGreaterThan(0);

    // A new article with the term: the next page is searched afresh and counts it.
    const added = makeArticle({ id: "fpg-added", title: "新到档案", body: "档案馆整理旧报纸。", date: "2022-05-05", source: "测试日报" });
    const document = toIndexDocument(added, toSourceStamp("fixtures/fpg-added.txt", "1"));
    await client.waitForTask(await enqueueUpsert(client, process.env.BAOKU_INDEX ?? "", [document]));
    const changed = (await get(target)).body.toString("utf8");
    expect(changed).toContain(`共 <strong>${total + 1}</strong> 篇`);
    // Counted under the same version as the hits: the paper's count (the filter group's own search) moved too.
    expect(readFacetsData(changed).facetCounts.source).toEqual([{ value: "测试日报", count: total + 1 }]);
  });

  it("sends a remembered page gzipped with this response's nonce, without compressing it again", async () => {
    const target = `/search?q=${encodeURIComponent("资料")}`;
    const first = await get(target, { "accept-encoding": "gzip" });
    const before = getPageCache().readCounts();
    const again = await get(target, { "accept-encoding": "gzip" });
    expect(getPageCache().readCounts().hits).toBe(before.hits + 1);
    expect(again.headers["content-encoding"]).toBe("gzip");
    const [firstHtml, againHtml] = [first, again].map((response) => zlib.gunzipSync(response.body).toString("utf8"));
    const againNonce = readNonce(again.headers);
    expect(againHtml).toContain(`nonce="${againNonce}"`);
    expect(withoutHoles(againHtml!, againNonce)).toBe(withoutHoles(firstHtml!, readNonce(first.headers)));
    // The same page unzipped, from the same remembered pieces.
    const plain = await get(target);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(withoutHoles(plain.body.toString("utf8"), readNonce(plain.headers))).toBe(withoutHoles(againHtml!, againNonce));
  });

  it("remembers a page with the author box's matches or a fruitless search's suggestions, and searches afresh when the index changes", async () => {
    const authors = `/search?q=${encodeURIComponent("整理")}&authorq=${encodeURIComponent("静")}`;
    const fruitless = `/search?q=${encodeURIComponent("地方志医院")}`;
    const firstAuthors = (await get(authors)).body.toString("utf8");
    const firstFruitless = (await get(fruitless)).body.toString("utf8");
    expect(readFacetsData(firstAuthors).authorMatches?.map((match) => match.value).sort()).toEqual(["李静", "赵静茹"]);
    const countSuggested = (html: string) => Number(/>地方志<\/a><span[^>]*>（(?:<!-- -->)?(\d+)(?:<!-- -->)? 篇）/.exec(html)?.[1]);
    expect(firstFruitless).toContain('data-testid="query-suggestions"');
    const suggested = countSuggested(firstFruitless);
    expect(suggested).toBeGreaterThan(0);
    const before = getPageCache().readCounts();
    await get(authors);
    await get(fruitless);
    expect(getPageCache().readCounts().hits).toBe(before.hits + 2);

    // A new author matching the box, in an article that one suggestion now finds too: both pages are
    // searched afresh, and the suggestion counted under the new version (not one read a moment before).
    const added = makeArticle({ id: "fpg-suggested", title: "病案整理", body: "地方志里的病案整理。", date: "2022-06-06", source: "测试日报", authors: [{ name: "静怡", role: "记者" }] });
    await client.waitForTask(await enqueueUpsert(client, process.env.BAOKU_INDEX ?? "", [toIndexDocument(added, toSourceStamp("fixtures/fpg-suggested.txt", "1"))]));
    expect(readFacetsData((await get(authors)).body.toString("utf8")).authorMatches?.map((match) => match.value).sort()).toEqual(["李静", "赵静茹", "静怡"].sort());
    expect(countSuggested((await get(fruitless)).body.toString("utf8"))).toBe(suggested + 1);
  });

  it("never remembers or serves a signed-in librarian's page", async () => {
    await addLibrarian(getDatabase(), "档案员乙", "a long enough password");
    const { token } = createSession(getDatabase(), "档案员乙");
    const target = `/search?q=${encodeURIComponent("合作")}`;
    const before = getPageCache().readCounts();
    const signedIn = (await get(target, { cookie: `baoku_session=${token}` })).body.toString("utf8");
    expect(signedIn).toContain("馆员 <!-- -->档案员乙");
    expect(getPageCache().readCounts()).toEqual(before);
    // The anonymous page is rendered (and then remembered) on its own, without the librarian.
    const anonymous = (await get(target)).body.toString("utf8");
    expect(anonymous).not.toContain("librarian-nav");
    expect(getPageCache().readCounts().misses).toBe(before.misses + 1);
    const signedInAgain = (await get(target, { cookie: `baoku_session=${token}` })).body.toString("utf8");
    expect(signedInAgain).toContain("馆员 <!-- -->档案员乙");
  });
});

describe("a first search answered before its term is verified", () => {
  it("shows its checked hits with the counts marked as an upper bound, and exact counts once settled", async () => {
    // 100 articles holding 国人民 (more than the 80 first hits checked after a page with decoys) and three
    // newer ones with only its pairs (国人, 人民, 国民), which the engine takes too.
    const inputs: FixtureInput[] = [
      ...Array.from({ length: 100 }, (_, i) => ({ id: `late-true-${i}`, title: "节日", body: "中国人民欢度春节。", date: new Date(Date.UTC(2018, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) })),
      ...[1, 2, 3].map((day) => ({ id: `late-decoy-${day}`, title: "座谈", body: "全国人大。\n人民。\n国民。", date: `2024-01-0${day}` })),
    ];
    const documents = inputs.map((input) => toIndexDocument(makeArticle(input), toSourceStamp(`fixtures/${input.id}.txt`, "1")));
    await client.waitForTask(await enqueueUpsert(client, process.env.BAOKU_INDEX ?? "", documents));
    const target = `/search?q=${encodeURIComponent("国人民")}&sort=newest`;

    // React separates adjacent text with empty comments.
    const first = (await get(target)).body.toString("utf8").replaceAll("<!-- -->", "");
    expect(first).toMatch(/共 约 <strong>\d+<\/strong> 篇/);
    expect(first).toContain('data-testid="counts-estimated"');
    const firstIds = [...first.matchAll(/href="\/articles\/([^"?]+)\?/g)].map((match) => match[1]);
    expect(firstIds.length).toBe(20);
    expect(firstIds.filter((id) => id?.startsWith("late-decoy"))).toEqual([]);

    await waitForSettling();
    const settled = (await get(target)).body.toString("utf8").replaceAll("<!-- -->", "");
    expect(settled).toContain("共 <strong>100</strong> 篇");
    expect(settled).not.toContain('data-testid="counts-estimated"');
    expect([...settled.matchAll(/href="\/articles\/([^"?]+)\?/g)].map((match) => match[1])).toEqual(firstIds);
  });
});

describe("the fast path's build", () => {
  it("reads Next's layout stylesheets and the islands from a build, and nothing from a build without islands", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-fastpage-build-"));
    try {
      const manifestDir = path.join(root, ".next/server/app/search");
      fs.mkdirSync(manifestDir, { recursive: true });
      const entry = { entryCSSFiles: { "[project]/app/layout": [{ path: "static/chunks/abc.css", inlined: false }] } };
      fs.writeFileSync(
        path.join(manifestDir, "page_client-reference-manifest.js"),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/search/page"] = ${JSON.stringify(entry)};\n`,
      );
      expect(loadFastPageBuild(root)).toBeNull();
      fs.mkdirSync(path.join(root, ".next/islands"));
      fs.writeFileSync(path.join(root, ".next/islands/facets-XYZ.js"), "console.log('island')");
      fs.writeFileSync(path.join(root, ".next/islands/manifest.json"), JSON.stringify({ facets: "facets-XYZ.js" }));
      const loaded = loadFastPageBuild(root);
      expect(loaded?.assets).toEqual({ stylesheets: ["/_next/static/chunks/abc.css"], facetsScript: "/_islands/facets-XYZ.js" });
      expect(zlib.gunzipSync(loaded!.islands.get("facets-XYZ.js")!.gzipped).toString("utf8")).toBe("console.log('island')");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

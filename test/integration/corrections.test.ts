import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { setEngineClient } from "@/lib/search/connection";
import { connectTestEngine, uniqueIndexName } from "./helpers";

// Route handlers read the configured index and data folder; set both before anything reads the env.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-corrections-"));
process.env.BAOKU_INDEX = uniqueIndexName("corrections");
process.env.BAOKU_DATA_DIR = dataDir;
const { getDatabase } = await import("@/lib/corrections/database");
const { addLibrarian } = await import("@/lib/librarians/accounts");
const { listAllCorrections } = await import("@/lib/corrections/correction-store");
const { POST: sessionRoute } = await import("@/app/librarian/session/route");
const { POST: correctionsRoute } = await import("@/app/api/corrections/route");
const { POST: undoRoute } = await import("@/app/api/corrections/[id]/undo/route");
const { POST: reviewRoute } = await import("@/app/api/review/route");
const { exportCorrections, importCorrections } = await import("@/lib/corrections/transfer");
const { applyImportedCorrections } = await import("@/lib/corrections/correct-article");
const { openDatabase } = await import("@/lib/corrections/database");
const { readStoredEntries } = await import("@/lib/search/article-writes");
const { fingerprintArticle } = await import("@/lib/corrections/fingerprint");
const { listReviewItems } = await import("@/lib/corrections/review-queue");
const { GET: searchRoute } = await import("@/app/api/search/route");
const { GET: articleRoute } = await import("@/app/api/articles/[id]/route");
const { GET: authorsRoute } = await import("@/app/api/authors/route");
const { GET: exportRoute } = await import("@/app/api/export/route");

const client = connectTestEngine();
const archive = path.join(dataDir, "archive");
const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery";

type Item = { id: string; date: string; title: string; author: string | null; section: string | null; source: string; body: string };
const ITEMS: Item[] = [
  { id: "c-1", date: "2021-03-01", title: "江城春耕开始", author: "李静", section: "要闻", source: "测试日报", body: "江城各地春耕陆续展开，农机手忙着检修。\n合作社提前备好种子和化肥。" },
  { id: "c-2", date: "2021-03-01", title: "老街改造完工", author: null, section: "城建", source: "测试日报", body: "老街改造历时一年，今天完工。\n石板路重新铺设，两侧店铺统一招牌。\n居民说出门方便多了。" },
  { id: "c-3", date: "2021-03-01", title: "（续）老街故事", author: null, section: "城建", source: "测试日报", body: "街口的修表铺已经开了四十年。" },
];

function writeFeed(items: readonly Item[]): void {
  fs.mkdirSync(archive, { recursive: true });
  fs.writeFileSync(path.join(archive, "feed.jsonl"), items.map((item) => JSON.stringify(item)).join("\n") + "\n");
}

async function ingest() {
  return runIngest({ inputs: [archive], client, indexUid: process.env.BAOKU_INDEX ?? "", corrections: getDatabase() });
}

function post(pathname: string, body: unknown, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(new URL(pathname, ORIGIN), {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
  });
}

function get(pathAndQuery: string): NextRequest {
  return new NextRequest(new URL(pathAndQuery, ORIGIN));
}

async function signIn(name: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await sessionRoute(post("/librarian/session", { name, password }));
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookie.split(";")[0]!, csrf: csrfToken };
}

async function readArticle(id: string) {
  const response = await articleRoute(get(`/api/articles/${id}`), { params: Promise.resolve({ id }) });
  return { status: response.status, article: response.status === 200 ? ((await response.json()) as { id: string; title: string; authors: Array<{ name: string; role: string | null }>; blocks: Array<{ text?: string }>; kind: string }) : null };
}

async function searchIds(query: string): Promise<string[]> {
  const response = await searchRoute(get(`/api/search?${query}`));
  const body = (await response.json()) as { hits: Array<{ article: { id: string } }> };
  return body.hits.map((hit) => hit.article.id).sort();
}

let ids: string[] = [];
let auth: { cookie: string; csrf: string };
const as = () => ({ cookie: auth.cookie, "x-csrf-token": auth.csrf });

beforeAll(async () => {
  setEngineClient(client);
  writeFeed(ITEMS);
  const summary = await ingest();
  expect(summary.articles).toBe(3);
  ids = await searchIds("q=&sort=oldest");
  expect(ids).toHaveLength(3);
  await addLibrarian(getDatabase(), "alice", PASSWORD);
  auth = await signIn("alice", PASSWORD);
});

afterAll(() => {
  setEngineClient(undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const idOf = (key: string) => ids.find((id) => id.endsWith(`-${key}`))!;

describe("librarian corrections", () => {
  it("refuses a change without a session, without the CSRF token, or from another site (403), and changes nothing", async () => {
    const body = { kind: "fields", articleId: idOf("c-1"), changes: { title: "被篡改的标题" } };
    const noSession = await correctionsRoute(post("/api/corrections", body));
    expect(noSession.status).toBe(403);
    expect(((await noSession.json()) as { error: { code: string } }).error.code).toBe("sign_in_required");
    const noToken = await correctionsRoute(post("/api/corrections", body, { cookie: auth.cookie }));
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
    const wrongToken = await correctionsRoute(post("/api/corrections", body, { cookie: auth.cookie, "x-csrf-token": `${auth.csrf}x` }));
    expect(wrongToken.status).toBe(403);
    const crossSite = await correctionsRoute(post("/api/corrections", body, { ...as(), origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    expect((await readArticle(idOf("c-1"))).article?.title).toBe("江城春耕开始");
    expect(listAllCorrections(getDatabase())).toHaveLength(0);
  });

  it("a fixed byline shows in search, the author facet, the directory and exports at once, survives re-import, and undoes", async () => {
    const id = idOf("c-1");
    const response = await correctionsRoute(post("/api/corrections", { kind: "fields", articleId: id, changes: { authors: [{ name: "王小明", role: "通讯员" }] } }, as()));
    expect(response.status).toBe(200);
    const { correction } = (await response.json()) as { correction: { id: string } };
    expect(await searchIds("author=王小明")).toEqual([id]);
    expect(await searchIds("author=李静")).toEqual([]);
    const facets = (await (await searchRoute(get("/api/search?q=春耕"))).json()) as { facets: { authors: Array<{ value: string }> } };
    expect(facets.facets.authors.map((facet) => facet.value)).toContain("王小明");
    const directory = (await (await authorsRoute(get("/api/authors?q=王小明"))).json()) as { authors: Array<{ name: string }> };
    expect(directory.authors.map((item) => item.name)).toEqual(["王小明"]);
    const exported = await (await exportRoute(get("/api/export?format=csv&author=王小明"))).text();
    expect(exported).toContain("王小明");

    const again = await ingest();
    expect(again.corrections.applied).toBe(1);
    expect((await readArticle(id)).article?.authors).toEqual([{ name: "王小明", role: "通讯员" }]);

    const undo = await undoRoute(post(`/api/corrections/${correction.id}/undo`, {}, as()), { params: Promise.resolve({ id: correction.id }) });
    expect(undo.status).toBe(200);
    expect((await readArticle(id)).article?.authors).toEqual([{ name: "李静", role: null }]);
    await ingest();
    expect((await readArticle(id)).article?.authors).toEqual([{ name: "李静", role: null }]);
  });

  it("merges an article with the next, splits one at a paragraph, marks one not an article, all kept over re-import; undo goes newest first", async () => {
    const [second, third] = [idOf("c-2"), idOf("c-3")];
    const merged = await correctionsRoute(post("/api/corrections", { kind: "merge", articleId: second }, as()));
    expect(merged.status).toBe(200);
    expect((await readArticle(third)).status).toBe(404);
    expect((await readArticle(second)).article?.blocks.map((block) => block.text)).toContain("街口的修表铺已经开了四十年。");

    const split = await correctionsRoute(post("/api/corrections", { kind: "split", articleId: second, atBlock: 1, title: "石板路重新铺设" }, as()));
    expect(split.status).toBe(200);
    const { articles } = (await split.json()) as { correction: { id: string }; articles: string[] };
    expect(articles).toEqual([second, `${second}-s1`]);
    expect((await readArticle(`${second}-s1`)).article?.title).toBe("石板路重新铺设");
    expect(await searchIds("q=修表铺")).toEqual([`${second}-s1`]);

    await ingest();
    expect((await readArticle(third)).status).toBe(404);
    expect((await readArticle(`${second}-s1`)).article?.title).toBe("石板路重新铺设");

    const history = listAllCorrections(getDatabase()).filter((correction) => correction.articleId === second);
    const [mergeCorrection, splitCorrection] = history;
    const early = await undoRoute(post(`/api/corrections/${mergeCorrection!.id}/undo`, {}, as()), { params: Promise.resolve({ id: mergeCorrection!.id }) });
    expect(early.status).toBe(409);
    await undoRoute(post(`/api/corrections/${splitCorrection!.id}/undo`, {}, as()), { params: Promise.resolve({ id: splitCorrection!.id }) });
    expect((await readArticle(`${second}-s1`)).status).toBe(404);
    await undoRoute(post(`/api/corrections/${mergeCorrection!.id}/undo`, {}, as()), { params: Promise.resolve({ id: mergeCorrection!.id }) });
    expect((await readArticle(third)).article?.title).toBe("（续）老街故事");

    const notArticle = await correctionsRoute(post("/api/corrections", { kind: "not-article", articleId: third, reason: "advert" }, as()));
    expect(notArticle.status).toBe(200);
    expect((await readArticle(third)).article?.kind).toBe("remainder");
  });

  it("a correction whose source text changed is kept, flagged and not applied", async () => {
    const id = idOf("c-1");
    const made = await correctionsRoute(post("/api/corrections", { kind: "fields", articleId: id, changes: { title: "江城春耕全面展开" } }, as()));
    expect(made.status).toBe(200);
    writeFeed([{ ...ITEMS[0]!, body: "江城各地春耕推迟一周。" }, ...ITEMS.slice(1)]);
    const summary = await ingest();
    expect(summary.corrections.unfit).toBe(1);
    expect((await readArticle(id)).article?.title).toBe("江城春耕开始");
    const stale = listAllCorrections(getDatabase(), { staleOnly: true });
    expect(stale.map((correction) => correction.articleId)).toEqual([id]);
    expect(stale[0]!.staleReason).toContain("原文已改动");
    writeFeed(ITEMS);
    await ingest();
    expect((await readArticle(id)).article?.title).toBe("江城春耕全面展开");
    expect(listAllCorrections(getDatabase(), { staleOnly: true })).toEqual([]);
  });

  it("fuzzed payloads get a 4xx other than 403 and change nothing", async () => {
    const before = JSON.stringify(listAllCorrections(getDatabase()));
    const articleBefore = JSON.stringify(await readArticle(idOf("c-1")));
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ kind: fc.constantFrom("fields", "merge", "split", "not-article", "drop"), articleId: fc.oneof(fc.string(), fc.constant(idOf("c-1"))), changes: fc.anything(), atBlock: fc.anything(), reason: fc.anything() }, { requiredKeys: ["kind"] }),
      fc.record({ kind: fc.constant("fields"), articleId: fc.constant(idOf("c-1")), changes: fc.record({ title: fc.oneof(fc.constant(""), fc.string({ minLength: 301 })), date: fc.string(), page: fc.oneof(fc.integer({ min: 1000 }), fc.double()), authors: fc.array(fc.record({ name: fc.string(), role: fc.string() }), { minLength: 1 }) }, { requiredKeys: [] }) }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const response = await correctionsRoute(post("/api/corrections", body, as()));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.status).not.toBe(403);
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(JSON.stringify(listAllCorrections(getDatabase()))).toBe(before);
    expect(JSON.stringify(await readArticle(idOf("c-1")))).toBe(articleBefore);
  });

  it("limits failed sign-ins: the sixth within 15 minutes is refused with 429 and Retry-After, even with the right password", async () => {
    await addLibrarian(getDatabase(), "bob", PASSWORD);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await sessionRoute(post("/librarian/session", { name: "bob", password: "wrong password!" }));
      expect(response.status).toBe(401);
    }
    const limited = await sessionRoute(post("/librarian/session", { name: "bob", password: PASSWORD }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("corrections between installations, moved archives and the review queue", () => {

  it("exported corrections imported into another installation apply to its index at once, once", async () => {
    const exported = exportCorrections(getDatabase());
    expect(exported.corrections.length).toBeGreaterThan(0);
    // The other installation: the same articles, imported without any correction, and an empty database.
    await runIngest({ inputs: [archive], client, indexUid: process.env.BAOKU_INDEX ?? "" });
    expect((await readArticle(idOf("c-1"))).article?.title).toBe("江城春耕开始");
    const other = openDatabase(path.join(dataDir, "other.sqlite"));
    const first = importCorrections(other, JSON.parse(JSON.stringify(exported)), "test");
    expect(first.imported).toHaveLength(exported.corrections.length);
    const applied = await applyImportedCorrections(first.imported, other);
    expect(applied).toEqual({ applied: 2, waiting: 0, unfit: 0 });
    expect((await readArticle(idOf("c-1"))).article?.title).toBe("江城春耕全面展开");
    expect((await readArticle(idOf("c-3"))).article?.kind).toBe("remainder");
    expect(importCorrections(other, exported, "test")).toEqual({ imported: [], skipped: exported.corrections.length });
    expect(() => importCorrections(other, { format: "baoku-corrections", version: 1, exportedAt: "", corrections: [{ id: "x" }] }, "test")).toThrow(/corrections\.0/);
    other.close();
  });

  it("an imported merge of a file's last article is flagged with that reason and changes nothing", async () => {
    const last = idOf("c-3");
    const stored = (await readStoredEntries([last])).get(last)!;
    const other = openDatabase(path.join(dataDir, "other-merge.sqlite"));
    const [template] = exportCorrections(getDatabase()).corrections;
    const merge = { ...template!, id: "6f1c2b9e-1d2a-4c3b-8e7f-0a1b2c3d4e5f", articleId: last, fingerprint: fingerprintArticle(stored.article), payload: { kind: "merge", nextId: "gone", nextFingerprint: "0000000000000000" }, undoneBy: null, undoneAt: null };
    const { imported } = importCorrections(other, { format: "baoku-corrections", version: 1, exportedAt: "", corrections: [merge] }, "test");
    expect(await applyImportedCorrections(imported, other)).toEqual({ applied: 0, waiting: 0, unfit: 1 });
    const [flagged] = listAllCorrections(other);
    expect(flagged?.staleReason).toContain("最后一篇");
    expect((await readStoredEntries([last])).get(last)?.article).toEqual(stored.article);
    other.close();
  });

  it("an archive moved elsewhere and imported from there keeps its ids and its corrections", async () => {
    const moved = path.join(dataDir, "moved", "archive");
    fs.mkdirSync(path.dirname(moved), { recursive: true });
    fs.renameSync(archive, moved);
    try {
      const summary = await runIngest({ inputs: [moved], client, indexUid: process.env.BAOKU_INDEX ?? "", corrections: getDatabase(), prune: true });
      expect(summary.articles).toBe(3);
      expect(await searchIds("q=&sort=oldest")).toEqual(ids);
      expect((await readArticle(idOf("c-1"))).article?.title).toBe("江城春耕全面展开");
    } finally {
      fs.renameSync(moved, archive);
    }
  });

  it("OCR pages the segmenter was unsure of fill the review queue; a librarian marks one checked", async () => {
    const pages = path.join(dataDir, "pages");
    fs.mkdirSync(pages);
    const fixtures = path.join(process.cwd(), "test/fixtures/ocr");
    for (const name of fs.readdirSync(fixtures).filter((file) => file.endsWith(".txt"))) fs.copyFileSync(path.join(fixtures, name), path.join(pages, name));
    await runIngest({ inputs: [pages], client, indexUid: process.env.BAOKU_INDEX ?? "", corrections: getDatabase() });
    const queue = listReviewItems(getDatabase());
    expect(queue.total).toBeGreaterThan(0);
    const scores = queue.items.map((item) => Math.min(item.boundary, item.byline));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(Math.max(...scores)).toBeLessThan(0.8);
    // Each item names the line the segmenter was least sure of, as data the page can put in Chinese.
    for (const item of queue.items) expect(item.weakest).toMatchObject({ line: expect.any(Number), text: expect.any(String), label: expect.any(String), runnerUp: expect.any(String) });
    const first = queue.items[0]!;
    const checked = await reviewRoute(post("/api/review", { articleId: first.articleId }, as()));
    expect(checked.status).toBe(200);
    expect(listReviewItems(getDatabase()).total).toBe(queue.total - 1);
    // Importing the same pages again keeps the mark.
    await runIngest({ inputs: [pages], client, indexUid: process.env.BAOKU_INDEX ?? "", corrections: getDatabase() });
    expect(listReviewItems(getDatabase()).total).toBe(queue.total - 1);
  });

  it("--rebuild re-applies the corrections to the fresh index", async () => {
    const summary = await runIngest({ inputs: [archive], client, indexUid: process.env.BAOKU_INDEX ?? "", corrections: getDatabase(), rebuild: true });
    expect(summary.corrections.applied).toBeGreaterThanOrEqual(2);
    expect((await readArticle(idOf("c-1"))).article?.title).toBe("江城春耕全面展开");
    expect((await readArticle(idOf("c-3"))).article?.kind).toBe("remainder");
  });

  it("a re-import removes what a corrected file stored and its corrections no longer make (a split undone elsewhere)", async () => {
    const indexUid = process.env.BAOKU_INDEX ?? "";
    const kept = idOf("c-1");
    const stored = await client.call((meili) => meili.index(indexUid).getDocument(kept));
    const leftover = `${kept}-s9`;
    await client.waitForTask((await client.call((meili) => meili.index(indexUid).addDocuments([{ ...stored, id: leftover }]))).taskUid);
    expect((await readArticle(leftover)).status).toBe(200);
    await ingest();
    expect((await readArticle(leftover)).status).toBe(404);
    for (const id of ids) expect((await readArticle(id)).status).toBe(200);
  });

  it("npm run corrections -- export, list and import work from the command line", () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/corrections.ts", ...args], {
        encoding: "utf8",
        env: { ...process.env, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), BAOKU_DATA_DIR: dataDir, ...env },
      });
    const file = path.join(dataDir, "exported.json");
    const exported = run(["export", file]);
    expect(exported.status).toBe(0);
    const count = listAllCorrections(getDatabase()).length;
    expect((JSON.parse(fs.readFileSync(file, "utf8")) as { corrections: unknown[] }).corrections).toHaveLength(count);
    expect(run(["list"]).stdout.trim().split("\n")).toHaveLength(count);

    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-corrections-cli-"));
    try {
      const imported = run(["import", file], { BAOKU_DATA_DIR: elsewhere });
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stderr).toContain(`imported ${count} corrections, 0 already present`);
      expect(imported.stderr).toMatch(/applied to the index: \d+/);
      expect(run(["import", file], { BAOKU_DATA_DIR: elsewhere }).stderr).toContain(`imported 0 corrections, ${count} already present`);
      fs.writeFileSync(path.join(elsewhere, "bad.json"), "{\"format\": \"other\"}");
      const bad = run(["import", path.join(elsewhere, "bad.json")], { BAOKU_DATA_DIR: elsewhere });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("bad.json: not a Baoku corrections file");
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

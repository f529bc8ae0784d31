import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { setEngineClient } from "@/lib/search/connection";
import { EngineClient } from "@/lib/search/engine/client";
import { findFreePort } from "@/lib/search/engine/process";
import { connectTestEngine, uniqueIndexName } from "./helpers";

// Route handlers read the configured index; this file gets its own before anything reads the env.
process.env.BAOKU_INDEX = uniqueIndexName("api");
const { GET: searchRoute } = await import("@/app/api/search/route");
const { GET: articleRoute } = await import("@/app/api/articles/[id]/route");
const { GET: authorsRoute } = await import("@/app/api/authors/route");
const { GET: exportRoute } = await import("@/app/api/export/route");

const client = connectTestEngine();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-api-"));
const ARTICLES = 1234;

function request(pathAndQuery: string): NextRequest {
  return new NextRequest(new URL(pathAndQuery, "http://localhost:3000"));
}

beforeAll(async () => {
  const lines = Array.from({ length: ARTICLES }, (_, i) =>
    JSON.stringify({
      id: `api-${i}`,
      date: `2020-01-${String((i % 28) + 1).padStart(2, "0")}`,
      title: `测试报道第${i}篇, 含"引号"`,
      author: i % 2 === 0 ? "李静" : "赵静茹",
      section: null,
      source: "测试日报",
      body: `这是第${i}篇关于档案检索的报道。`,
    }),
  );
  fs.writeFileSync(path.join(dir, "feed.jsonl"), lines.join("\n") + "\n");
  setEngineClient(client);
  const summary = await runIngest({ inputs: [dir], client, indexUid: process.env.BAOKU_INDEX ?? "" });
  expect(summary.articles).toBe(ARTICLES);
});

afterAll(() => {
  setEngineClient(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/search", () => {
  it("answers with the same parameters as the search page", async () => {
    const response = await searchRoute(request("/api/search?q=档案检索&author=李静&size=5&page=2"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(ARTICLES / 2);
    expect(body.hits).toHaveLength(5);
    expect(body.page).toBe(2);
    expect(body.hits[0].article.authors[0].name).toBe("李静");
    expect(body.hits[0].article.blocks).toBeUndefined();
  });

  it("answers 400 naming the bad parameter", async () => {
    for (const [query, name] of [["page=0", "page"], ["size=1000", "size"], ["sort=random", "sort"], ["from=2020/01/01", "from"]] as const) {
      const response = await searchRoute(request(`/api/search?q=x&${query}`));
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.message, query).toContain(name);
    }
    const tooLong = await searchRoute(request(`/api/search?q=${"字".repeat(300)}`));
    expect(tooLong.status).toBe(400);
  });
});

describe("GET /api/articles/:id and /api/authors", () => {
  it("returns an article, 404 for an unknown id and 400 for a malformed one", async () => {
    const found = await (await searchRoute(request("/api/search?q=第7篇"))).json();
    const id: string = found.hits[0].article.id;
    expect(id).toMatch(/-api-7$/);
    const ok = await articleRoute(request(`/api/articles/${id}`), { params: Promise.resolve({ id }) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).title).toContain("第7篇");
    const missing = await articleRoute(request("/api/articles/x"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
    const bad = await articleRoute(request("/api/articles/x"), { params: Promise.resolve({ id: "../etc" }) });
    expect(bad.status).toBe(400);
  });

  it("lists authors with counts and finds them by pinyin initials", async () => {
    const response = await authorsRoute(request("/api/authors?q=lj"));
    const body = await response.json();
    expect(body.authors.map((author: { name: string }) => author.name)).toEqual(["李静"]);
    expect(body.authors[0].count).toBe(ARTICLES / 2);
    const tooSmall = await authorsRoute(request("/api/authors?size=0"));
    expect(tooSmall.status).toBe(400);
    expect(await tooSmall.json()).toEqual({ error: { code: "invalid_parameter", message: "size: 须 ≥ 1" } });
  });
});

describe("GET /api/export", () => {
  it("streams every hit of a result set larger than 1,000 as CSV with a byte order mark", async () => {
    const response = await exportRoute(request("/api/export?format=csv&q=档案检索"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="baoku-export-.*\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(ARTICLES + 1);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(ARTICLES);
  });

  it("exports JSON Lines, RIS and BibTeX, and refuses an unknown format", async () => {
    const jsonl = await (await exportRoute(request("/api/export?format=jsonl&q=第7篇"))).text();
    const ids = jsonl.trim().split("\n").map((line) => JSON.parse(line).id as string);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/-api-7$/);
    expect(await (await exportRoute(request("/api/export?format=ris&q=第7篇"))).text()).toContain("TY  - NEWS");
    expect(await (await exportRoute(request("/api/export?format=bibtex&q=第7篇"))).text()).toMatch(/@article\{[\w-]+-api-7,/);
    expect((await exportRoute(request("/api/export?format=docx"))).status).toBe(400);
  });
});

describe("arbitrary input", () => {
  const nasty = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 80 }),
    fc.constantFrom('"', '\\', "AND", "OR", "TO", "NOT", "(", ")", "[", "]", "-", ":", "title:", "author:", '" OR 1=1 "', "\n", "%", "\u0000"),
    fc.array(fc.constantFrom('"', "AND", "OR", "TO", "(", ")", "-", "李", "静", " ", "\\", "title:"), { maxLength: 40 }).map((parts) => parts.join("")),
  );

  it("never answers 500 and never widens a filter, whatever the query and facet values", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (q, author, topic) => {
        const params = new URLSearchParams({ q, author, topic, size: "1" });
        const response = await searchRoute(request(`/api/search?${params}`));
        expect([200, 400]).toContain(response.status);
        if (response.status === 200) {
          const body = await response.json();
          // Both facet values must hold for every hit: no value can turn into an operator.
          for (const hit of body.hits) {
            expect(hit.article.authors.map((entry: { name: string }) => entry.name)).toContain(author.trim());
            expect(hit.article.topics).toContain(topic.trim());
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("answers an OR whose one side has no searchable text (a placeholder branch) instead of failing", async () => {
    // Found by the property above: q=`-#!!|#` made the engine refuse the federated search (500).
    for (const q of ["-#!!|#", "李静 | -#", "# OR 李静"]) {
      const response = await searchRoute(request(`/api/search?${new URLSearchParams({ q, size: "1" })}`));
      expect([200, 400], q).toContain(response.status);
    }
  });

  it("keeps an injected filter expression inside its quoted value", async () => {
    const total = async (author: string) => (await (await searchRoute(request(`/api/search?${new URLSearchParams({ author })}`))).json()).total;
    expect(await total("李静")).toBe(ARTICLES / 2);
    for (const injected of ['李静" OR authors = "赵静茹', '李静\\" OR authors EXISTS OR "', "李静 OR 赵静茹", '") OR (authors EXISTS']) {
      expect(await total(injected), injected).toBe(0);
    }
  });
});

describe("when the engine is down", () => {
  it("answers 503 with a message and no internals", async () => {
    setEngineClient(new EngineClient({ url: `http://127.0.0.1:${await findFreePort()}`, apiKey: "secret-key-value" }));
    try {
      const response = await searchRoute(request("/api/search?q=档案"));
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain("engine_unavailable");
      expect(text).not.toContain("secret-key-value");
      expect(text).not.toContain("127.0.0.1");
    } finally {
      setEngineClient(client);
    }
  });
});

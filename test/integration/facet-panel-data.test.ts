import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { AUTHOR_LIST_LIMIT, FACET_LIST_LIMIT } from "@/lib/app/facet-list";
import { setEngineClient } from "@/lib/search/connection";
import { renderSearchDocument } from "@/lib/server/search-document";
import { connectTestEngine, readIslandData, uniqueIndexName } from "./helpers";

vi.mock("next/link", () => import("@/components/islands/plain-link"));
vi.mock("next/navigation", () => import("@/components/islands/full-page-router"));

/**
 * The results page sends its filter panel only the values the panel lists, with each group's full
 * count: a broad search's every author and column used to travel in the page as island data.
 */

process.env.BAOKU_INDEX = uniqueIndexName("facetdata");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-facetdata-"));
const AUTHORS = 45;
const COLUMNS = 36;
const assets = { stylesheets: [], facetsScript: "/_islands/facets-TEST.js" };

type IslandData = { facetCounts: Record<string, Array<{ value: string; count: number }>>; valueTotals: Record<string, number> };

beforeAll(async () => {
  const feedDir = path.join(dataDir, "feed");
  fs.mkdirSync(feedDir);
  const lines = Array.from({ length: 90 }, (_, i) =>
    JSON.stringify({
      id: `fpd-${i}`,
      date: `2021-0${(i % 9) + 1}-1${i % 10}`,
      title: `档案工作第${i}篇`,
      author: `作者${i % AUTHORS}号`,
      section: `栏目${i % COLUMNS}`,
      source: "测试日报",
      body: `第${i}篇：档案馆整理地方志资料。`,
    }),
  );
  fs.writeFileSync(path.join(feedDir, "feed.jsonl"), lines.join("\n") + "\n");
  const client = connectTestEngine();
  setEngineClient(client);
  expect((await runIngest({ inputs: [feedDir], client, indexUid: process.env.BAOKU_INDEX ?? "" })).articles).toBe(90);
});

afterAll(() => {
  setEngineClient(undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function render(query: string): Promise<{ html: string; island: IslandData }> {
  const page = await renderSearchDocument(new URLSearchParams(query), { nonce: "n", session: null, assets });
  if (page.status !== 200) throw new Error("the engine is down");
  return { html: page.html, island: readIslandData<IslandData>(page.html) };
}

const countBoxes = (html: string, name: string) => (html.match(new RegExp(`<input type="checkbox"[^>]*name="${name}"`, "g")) ?? []).length;

describe("the filter panel's data on the results page", () => {
  it("lists the top of each long group and a selected value further down, and counts them all", async () => {
    const { html, island } = await render(`q=${encodeURIComponent("档案")}&author=${encodeURIComponent("作者44号")}`);
    // The author group is counted without its own selection, so it holds every author.
    expect(island.valueTotals.author).toBe(AUTHORS);
    // Every author has two articles; 作者44号 sorts 40th among the ties and is kept because it is selected.
    expect(island.facetCounts.author).toHaveLength(AUTHOR_LIST_LIMIT + 1);
    expect(island.facetCounts.author!.at(-1)).toEqual({ value: "作者44号", count: 2 });
    expect(countBoxes(html, "author")).toBe(AUTHOR_LIST_LIMIT + 1);
    // The other groups are counted within the selection: 作者44号's two articles, in two columns.
    expect(island.valueTotals.column).toBe(2);
    expect(island.facetCounts.column).toHaveLength(2);
  });

  it("shows how many values a group has and opens it in full, through the URL", async () => {
    const { html, island } = await render(`q=${encodeURIComponent("档案")}`);
    expect(island.facetCounts.column).toHaveLength(FACET_LIST_LIMIT);
    expect(countBoxes(html, "column")).toBe(FACET_LIST_LIMIT);
    expect(island.valueTotals.column).toBe(COLUMNS);
    expect(html).toMatch(new RegExp(`显示全部 (<!-- -->)?${COLUMNS}(<!-- -->)? 项`));
    const opened = await render(`q=${encodeURIComponent("档案")}&more=column`);
    expect(opened.island.facetCounts.column).toHaveLength(COLUMNS);
    expect(countBoxes(opened.html, "column")).toBe(COLUMNS);
    expect(opened.island.valueTotals.column).toBe(COLUMNS);
    expect(opened.html).not.toContain("显示全部");
    // Authors have their look-up box instead of a full list.
    const authors = await render(`q=${encodeURIComponent("档案")}&more=author`);
    expect(authors.island.facetCounts.author).toHaveLength(AUTHOR_LIST_LIMIT);
  });
});

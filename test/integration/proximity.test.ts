import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("near") };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-near-"));

/** Each body and whether 春运 NEAR/5 铁路 must find it. */
const BODIES: Array<[string, string, boolean]> = [
  ["n1", "今年春运期间，铁路部门加开列车。", true],
  ["n2", "铁路局表示，春运客流创新高。", true],
  ["n3", "春运开始了。各地交通部门提前准备，多条铁路线路加密班次。", false],
  ["n4", "春运开始了。\n铁路部门加开列车。", false],
  ["n5", "春運期間，鐵路加開列車。", true],
  ["n6", "春 运 铁 路", true],
  ["n7", "只有春运，没有别的。", false],
];

beforeAll(async () => {
  const lines = BODIES.map(([id, body]) => JSON.stringify({ id, date: "2022-01-10", title: `报道${id}`, author: null, section: null, source: "测试日报", body }));
  fs.writeFileSync(path.join(dir, "feed.jsonl"), lines.join("\n") + "\n");
  await runIngest({ inputs: [dir], client, indexUid: context.indexUid });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const search = (q: string) => searchArticles(SearchRequestSchema.parse({ q, size: 50 }), context);
const idsOf = async (q: string) => (await search(q)).hits.map((hit) => hit.article.id.replace(/^.*-/, "")).sort();

describe("proximity through the engine", () => {
  it("finds exactly the articles with both terms within 5 characters in one paragraph, either order, any script", async () => {
    const expected = BODIES.filter(([, , near]) => near).map(([id]) => id).sort();
    expect(await idsOf("春运 NEAR/5 铁路")).toEqual(expected);
    expect(await idsOf("铁路 近/5 春运")).toEqual(expected);
    expect(await idsOf('"春运 铁路"~5')).toEqual(expected);
    expect(await idsOf("春运 NEAR/50 铁路")).toEqual(["n1", "n2", "n3", "n5", "n6"]);
    expect(await idsOf("春运 NEAR/5 铁路 列车")).toEqual(["n1", "n5"]);
    expect(await idsOf("春运 NEAR/5 铁路 OR 别的")).toEqual([...expected, "n7"].sort());
  });

  it("正文: looks in the body only, 标题: in the headline only", async () => {
    expect(await idsOf("正文:报道")).toEqual([]);
    expect(await idsOf("标题:报道")).toHaveLength(BODIES.length);
    expect(await idsOf("正文:铁路")).toEqual(["n1", "n2", "n3", "n4", "n5", "n6"]);
    expect(await idsOf("正文:报 -正文:列车")).toEqual([]);
    expect(await idsOf("正文:运 NEAR/1 铁")).toEqual(["n6"]);
  });

  it("highlights both terms", async () => {
    const hit = (await search("春运 NEAR/5 铁路")).hits.find((candidate) => candidate.article.id.endsWith("n1"));
    const marked = hit?.snippets.flatMap((snippet) => snippet.segments.filter((segment) => segment.match).map((segment) => segment.text));
    expect(marked).toEqual(["春运", "铁路"]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { countDocuments } from "@/lib/search/index-admin";
import { searchArticles } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";

const client = connectTestEngine();
const indexUid = uniqueIndexName("swap");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-swap-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFeed(name: string, count: number, word: string): string {
  const file = path.join(dir, name, "feed.jsonl");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ id: `${name}-${i}`, date: "2021-05-01", title: `${word}第${i}条`, author: "", section: null, source: "测试日报", body: `关于${word}的报道，第${i}条。` }),
  );
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return path.dirname(file);
}

describe("a rebuild swapped in while searches run", () => {
  it("never fails a search nor shows a half-built index", async () => {
    const before = 300;
    const after = 2_500;
    await runIngest({ inputs: [writeFeed("old", before, "旧版")], client, indexUid });
    const request = SearchRequestSchema.parse({ q: "报道", size: 1 });
    const totals: number[] = [];
    const failures: unknown[] = [];
    let searching = true;
    const searcher = (async () => {
      while (searching) {
        try {
          totals.push((await searchArticles(request, { client, indexUid })).total);
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const summary = await runIngest({ inputs: [writeFeed("new", after, "新版")], client, indexUid, rebuild: true, batchSize: 200 });
    searching = false;
    await searcher;

    expect(summary.articles).toBe(after);
    expect(failures).toEqual([]);
    expect(totals.length).toBeGreaterThan(10);
    expect(totals.every((total) => total === before || total === after)).toBe(true);
    expect(totals.at(-1)).toBe(after);
    expect(await countDocuments(client, indexUid)).toBe(after);
    const indexes = await client.call((meili) => meili.getRawIndexes({ limit: 1000 }));
    expect(indexes.results.filter((index) => index.uid.startsWith(`${indexUid}_build_`))).toEqual([]);
  });
});

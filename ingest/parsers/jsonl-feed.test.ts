import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readJsonlFeed, type FeedItem } from "./jsonl-feed";

const SAMPLE = path.resolve(__dirname, "../../test/fixtures/feed/sample.jsonl");
const XWLB = path.resolve(__dirname, "../../../shared/data/xwlb/xwlb.jsonl.gz");
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "jsonl-feed-"));

afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

async function readAll(feedPath: string, sourceFile: string): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  for await (const item of readJsonlFeed(feedPath, { sourceFile })) items.push(item);
  return items;
}

function expectSampleItems(items: readonly FeedItem[], sourceFile: string): void {
  expect(items.map((item) => [item.ok, item.line])).toEqual([
    [true, 1],
    [true, 2],
    [false, 3],
    [false, 5],
    [false, 6],
    [true, 7],
  ]);
  const errors = items.flatMap((item) => (item.ok ? [] : [item.error]));
  expect(errors[0]).toMatch(new RegExp(`^${sourceFile.replace(/\./gu, "\\.")} line 3: malformed JSON`, "u"));
  expect(errors[1]).toBe(`${sourceFile} line 5: invalid date "2019-02-30" (expected YYYY-MM-DD) (item feed-004)`);
  expect(errors[2]).toBe(`${sourceFile} line 6: missing required field "title" (item feed-005)`);
}

describe("readJsonlFeed", () => {
  it("maps records to articles and reports bad lines without stopping", async () => {
    const items = await readAll(SAMPLE, "feeds/sample.jsonl");
    expectSampleItems(items, "feeds/sample.jsonl");
    const first = items[0];
    if (!first?.ok) throw new Error("line 1 should parse");
    expect(first.article).toEqual({
      kind: "article",
      source: "示例联播",
      sourceFile: "feeds/sample.jsonl",
      ordinal: 0,
      sourceKey: "feed-001",
      date: "2019-02-21",
      dateSource: "feed",
      page: null,
      column: "央视快评",
      kicker: null,
      title: "示例新闻一",
      titleDerived: false,
      subtitle: null,
      authors: [
        { name: "王小明", role: null },
        { name: "李小红", role: null },
      ],
      credits: [],
      dateline: null,
      place: null,
      blocks: [
        { kind: "paragraph", text: "第一段。" },
        { kind: "paragraph", text: "第二段。" },
        { kind: "paragraph", text: "第三段。" },
      ],
    });
  });

  it("falls back to the file name for the source, accepts numeric ids and missing dates", async () => {
    const items = await readAll(SAMPLE, "feeds/sample.jsonl");
    const second = items[1];
    const last = items[5];
    if (!second?.ok || !last?.ok) throw new Error("lines 2 and 7 should parse");
    expect(second.article.source).toBe("sample");
    expect(second.article.column).toBe("国际资讯");
    expect(last.article).toMatchObject({ sourceKey: "42", ordinal: 6, date: null, dateSource: null, column: "国际锐评" });
    expect(last.article.authors.map((author) => author.name)).toEqual(["张三", "李四"]);
    expect(last.article.blocks).toEqual([
      { kind: "paragraph", text: "正文一" },
      { kind: "paragraph", text: "正文二" },
    ]);
  });

  it("reads gzip transparently, by magic bytes rather than by name", async () => {
    const gz = path.join(tempDir, "sample.jsonl.gz");
    const disguised = path.join(tempDir, "disguised.jsonl");
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(SAMPLE)));
    fs.copyFileSync(gz, disguised);
    expectSampleItems(await readAll(gz, "sample.jsonl.gz"), "sample.jsonl.gz");
    expectSampleItems(await readAll(disguised, "disguised.jsonl"), "disguised.jsonl");
  });

  it("reports a truncated gzip stream and keeps the items before it", async () => {
    const lines = Array.from({ length: 2000 }, (_, index) => JSON.stringify({ id: index, title: `标题${index}`, body: "正文".repeat(50) }));
    const whole = zlib.gzipSync(Buffer.from(lines.join("\n"), "utf8"));
    const truncated = path.join(tempDir, "truncated.jsonl.gz");
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const items = await readAll(truncated, "truncated.jsonl.gz");
    const last = items.at(-1);
    expect(items.filter((item) => item.ok).length).toBeGreaterThan(100);
    expect(last?.ok).toBe(false);
    if (last && !last.ok) expect(last.error).toMatch(/^truncated\.jsonl\.gz line \d+: cannot read further/u);
  });

  it("reports a missing file as an error item", async () => {
    const items = await readAll(path.join(tempDir, "none.jsonl"), "none.jsonl");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ ok: false, line: 0 });
  });

  it.skipIf(!fs.existsSync(XWLB))(`streams the real xwlb feed (${XWLB}; skipped when absent)`, async () => {
    let ok = 0;
    let failed = 0;
    let withAuthor = 0;
    for await (const item of readJsonlFeed(XWLB, { sourceFile: "xwlb/xwlb.jsonl.gz" })) {
      if (!item.ok) failed++;
      else {
        ok++;
        if (item.article.authors.length > 0) withAuthor++;
        expect(item.article.blocks.length).toBeGreaterThan(0);
      }
    }
    expect({ ok, failed }).toEqual({ ok: 74481, failed: 0 });
    expect(withAuthor).toBeGreaterThan(500);
  }, 60_000);
});

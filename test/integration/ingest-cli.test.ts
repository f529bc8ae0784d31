import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueIndexName } from "./helpers";
import {
  countIndexed,
  fetchDocuments,
  listProblemLines,
  makePage,
  makeTempDir,
  readJsonlIds,
  removeTempDirs,
  REPO,
  runCli,
  sortValues,
  startCli,
  type CliRun,
} from "./ingest-cli-helpers";

/** A few hundred real per-article files when the shared corpus is there (read in place, never copied). */
const RMRB_MONTH = path.resolve(REPO, "../shared/data/rmrb/2019年2月");
const RMRB_FIXTURES = path.join(REPO, "test", "fixtures", "per-article");

afterAll(removeTempDirs);

/** GB18030 bytes for Chinese text: the table comes from the platform's own GB18030 decoder, read backwards. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const pair = code < 0x80 ? [code] : table.get(char);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}

describe("npm run ingest with bad input among good", () => {
  const dir = makeTempDir("bad");
  const missing = path.join(dir, "no-such-folder");
  const indexUid = uniqueIndexName("cli_bad");
  let run: CliRun;

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, "good.txt"), makePage("甲地", "图书馆", "张三"));
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    fs.writeFileSync(path.join(dir, "binary.txt"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    // UTF-8 text with one damaged byte: refused, not read as GB18030 mojibake.
    const damaged = Buffer.from(makePage("乙地", "体育馆", "李四").repeat(5), "utf8");
    damaged[39] = 0xff;
    fs.writeFileSync(path.join(dir, "undecodable.txt"), damaged);
    fs.writeFileSync(path.join(dir, "huge.txt"), Buffer.alloc(50 * 1024 * 1024, "本报讯 一行很长的文字。\n"));
    fs.writeFileSync(
      path.join(dir, "feed.jsonl"),
      ['{"id":"cli-1","title":"第一条","body":"第一条的正文。"}', '{"id": "cli-2", "title": ', '{"id":"cli-3","title":"第三条","body":"第三条的正文。"}'].join("\n") + "\n",
    );
    run = await runCli([dir, missing], indexUid);
  });

  it("names each bad input once, with the line for JSON Lines, and exits 1", () => {
    expect(run.code).toBe(1);
    const problems = listProblemLines(run);
    expect(problems, run.stderr).toHaveLength(6);
    for (const name of ["empty.txt", "binary.txt", "undecodable.txt", "huge.txt", "feed.jsonl", "no-such-folder"]) {
      expect(problems.filter((line) => line.includes(name)), name).toHaveLength(1);
    }
    expect(problems.find((line) => line.includes("empty.txt"))).toMatch(/empty file/u);
    expect(problems.find((line) => line.includes("binary.txt"))).toMatch(/binary file/u);
    expect(problems.find((line) => line.includes("undecodable.txt"))).toMatch(/cannot decode: invalid UTF-8 at byte offset 39/u);
    expect(problems.find((line) => line.includes("huge.txt"))).toMatch(/50\.0 MB, over the 8 MB limit/u);
    expect(problems.find((line) => line.includes("feed.jsonl"))).toMatch(/feed\.jsonl line 2: malformed JSON/u);
    expect(problems.find((line) => line.includes("no-such-folder"))).toMatch(/no such file or folder/u);
    expect(run.stderr).toMatch(/6 problems \(skipped, the rest was imported\)/u);
  });

  it("indexes the good page and the good feed lines", async () => {
    const documents = await fetchDocuments(indexUid);
    expect(sortValues(documents.map((document) => path.basename(document.sourceFile)))).toEqual(["feed.jsonl", "feed.jsonl", "good.txt"]);
    expect(sortValues(documents.map((document) => document.title))).toEqual(sortValues(["甲地新建图书馆", "第一条", "第三条"]));
  });

  it("exits 0 when nothing fails", async () => {
    const clean = await runCli([path.join(dir, "good.txt")], uniqueIndexName("cli_clean"));
    expect(clean.code, clean.stderr).toBe(0);
    expect(listProblemLines(clean)).toEqual([]);
    expect(clean.stderr).toMatch(/导入完成: 1\/1 files, 1 articles/u);
  });
});

describe("npm run ingest -- --dry-run --out", () => {
  it("writes the articles with the ids a real run indexes", async () => {
    const dir = makeTempDir("dry");
    fs.writeFileSync(path.join(dir, "page.txt"), makePage("丙地", "博物馆", "王五"));
    const out = path.join(makeTempDir("dry-out"), "articles.jsonl");
    const indexUid = uniqueIndexName("cli_dry");
    const dry = await runCli(["--dry-run", "--out", out, dir, RMRB_FIXTURES], indexUid);
    expect(dry.code, dry.stderr).toBe(0);
    expect(await countIndexed(indexUid)).toBe(0);
    const dryIds = readJsonlIds(out);
    expect(dryIds.length).toBeGreaterThan(15);

    const real = await runCli([dir, RMRB_FIXTURES], indexUid);
    expect(real.code, real.stderr).toBe(0);
    expect(sortValues((await fetchDocuments(indexUid)).map((document) => document.id))).toEqual(sortValues(dryIds));
  });
});

describe("npm run ingest -- --out with a path it must not write", () => {
  it("refuses it by name with exit code 2, writes nothing and indexes nothing", async () => {
    const dir = makeTempDir("out-refused");
    const input = path.join(dir, "pages");
    fs.mkdirSync(input);
    const page = path.join(input, "page.txt");
    fs.writeFileSync(page, makePage("庚地", "档案馆", "吴十"));
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(dataDir);
    const escaping = `../${path.basename(REPO)}-escaped-${process.pid}.jsonl`;
    const cases: Array<{ out: string; args: string[]; reason: RegExp; mustNotExist?: string; inputs?: string[] }> = [
      { out: escaping, args: ["--dry-run"], reason: /contains "\.\.", which would leave the working folder/u, mustNotExist: path.resolve(REPO, escaping) },
      { out: path.join(dataDir, "articles.jsonl"), args: [], reason: /inside the data folder/u, mustNotExist: path.join(dataDir, "articles.jsonl") },
      { out: page, args: ["--dry-run"], reason: /is the input .*page\.txt, which would be overwritten/u, inputs: [page] },
      { out: path.join(input, "articles.jsonl"), args: ["--dry-run"], reason: /inside the input folder/u, mustNotExist: path.join(input, "articles.jsonl") },
      { out: dir, args: ["--dry-run"], reason: /is an existing folder/u },
    ];
    const indexUid = uniqueIndexName("cli_out_refused");
    for (const { out, args, reason, mustNotExist, inputs } of cases) {
      const run = await runCli([...args, "--out", out, ...(inputs ?? [input])], indexUid, { env: { BAOKU_DATA_DIR: dataDir } });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`--out "${out}" refused`);
      expect(run.stderr).toMatch(reason);
      expect(run.stdout).toBe("");
      if (mustNotExist) expect(fs.existsSync(mustNotExist), mustNotExist).toBe(false);
    }
    expect(fs.readFileSync(page, "utf8")).toBe(makePage("庚地", "档案馆", "吴十"));
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(await countIndexed(indexUid)).toBe(0);
  });
});

describe("an ingest killed mid-way and run again", () => {
  /** The first days of a month of real files, or generated pages when the shared corpus is absent. */
  function chooseLargeInput(): string[] {
    if (fs.existsSync(RMRB_MONTH)) {
      return fs.readdirSync(RMRB_MONTH).sort().slice(0, 6).map((day) => path.join(RMRB_MONTH, day));
    }
    const dir = makeTempDir("large");
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(dir, `page-${String(i).padStart(3, "0")}.txt`), makePage(`第${i}区`, "图书馆", "孙八"));
    return [dir];
  }

  it("ends with exactly the articles of a dry run: none lost, none doubled, no extras", async () => {
    const inputs = chooseLargeInput();
    const out = path.join(makeTempDir("killed-out"), "articles.jsonl");
    const indexUid = uniqueIndexName("cli_killed");
    const dry = await runCli(["--dry-run", "--out", out, ...inputs], indexUid);
    expect(dry.code, dry.stderr).toBe(0);
    const expectedIds = readJsonlIds(out);
    expect(new Set(expectedIds).size).toBe(expectedIds.length);

    // Small batches, so that the first is stored long before the run ends.
    const first = startCli(["--batch-size", "20", ...inputs], indexUid);
    let countAtKill = 0;
    for (let waited = 0; countAtKill === 0 && waited < 60_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      countAtKill = await countIndexed(indexUid);
    }
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal, "the first run was still going when killed").toBe("SIGKILL");
    expect(countAtKill).toBeGreaterThan(0);
    expect(countAtKill).toBeLessThan(expectedIds.length);

    const rerun = await runCli(["--batch-size", "20", ...inputs], indexUid);
    expect(rerun.code, rerun.stderr).toBe(0);
    const indexedIds = (await fetchDocuments(indexUid)).map((document) => document.id);
    expect(indexedIds.length).toBe(expectedIds.length);
    expect(sortValues(indexedIds)).toEqual(sortValues(expectedIds));
  });
});

describe("text encodings through the CLI", () => {
  it("reads GB18030 and UTF-16 pages as the same text as UTF-8", async () => {
    const dir = makeTempDir("encodings");
    const page = makePage("己地", "图书馆", "周九");
    fs.writeFileSync(path.join(dir, "utf8.txt"), page);
    fs.writeFileSync(path.join(dir, "gb18030.txt"), encodeGb18030(page.replace("\n", "\r\n")));
    fs.writeFileSync(path.join(dir, "utf16le.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, "utf16le")]));
    const bigEndian = Buffer.from(page, "utf16le");
    bigEndian.swap16();
    fs.writeFileSync(path.join(dir, "utf16be.txt"), Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));

    const indexUid = uniqueIndexName("cli_encodings");
    const run = await runCli([dir], indexUid);
    expect(run.code, run.stderr).toBe(0);
    const documents = await fetchDocuments(indexUid);
    // Same text, same id: the four files hold one article, stored once and reported as repeats.
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ title: "己地新建图书馆" });
    expect(documents[0]?.body).toContain("己地新建图书馆今日开放");
    expect(run.stderr).toMatch(/3 articles repeated identical content from another file/u);
  });
});

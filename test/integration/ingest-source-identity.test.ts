import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "@/lib/search/index-schema";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { countIndexed, fetchDocuments, makePage, makeTempDir, removeTempDirs, REPO, runCli, sortValues, type StoredDocument } from "./ingest-cli-helpers";

/**
 * Where an ingest runs from must not matter (issue #14): --prune looks only inside the inputs
 * it is given and removes only files that are really gone, and an archive moved elsewhere and
 * imported again keeps its ids and its readers' paths.
 */

const SAMPLE = ["--manifest", "sample/manifest.json", "sample/pages"];
const RMRB_FIXTURES = path.join(REPO, "test", "fixtures", "per-article");
const OCR_FIXTURES = path.join(REPO, "test", "fixtures", "ocr");

afterAll(removeTempDirs);

/** The bundled sample, imported from the repository root as the README shows; returns its ids. */
async function importSample(indexUid: string): Promise<string[]> {
  const run = await runCli(SAMPLE, indexUid);
  expect(run.code, run.stderr).toBe(0);
  const ids = (await fetchDocuments(indexUid)).map((document) => document.id);
  expect(ids.length).toBeGreaterThanOrEqual(17);
  return ids;
}

function writePage(dir: string, name: string, page: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, page);
  return file;
}

function copyFiles(from: string, names: readonly string[], to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of names) fs.copyFileSync(path.join(from, name), path.join(to, name));
}

function listIds(documents: readonly StoredDocument[]): string[] {
  return sortValues(documents.map((document) => document.id));
}

function isInside(folder: string, file: string): boolean {
  return file.startsWith(fs.realpathSync(folder) + path.sep);
}

describe("npm run ingest -- --prune", () => {
  it("removes the articles of a deleted file and keeps the others", async () => {
    const dir = makeTempDir("prune");
    writePage(dir, "kept.txt", makePage("丁地", "文化馆", "赵六"));
    const deleted = writePage(dir, "deleted.txt", makePage("戊地", "科技馆", "钱七"));
    const indexUid = uniqueIndexName("cli_prune");
    expect((await runCli([dir], indexUid)).code).toBe(0);
    expect(await countIndexed(indexUid)).toBe(2);

    fs.rmSync(deleted);
    const pruned = await runCli(["--prune", dir], indexUid);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stderr).toContain(`pruned 1 articles whose files are gone (within ${dir})`);
    expect((await fetchDocuments(indexUid)).map((document) => path.basename(document.sourceFile))).toEqual(["kept.txt"]);
  });

  it("run from another folder on another input, leaves the sample imported from the repository root alone", async () => {
    const indexUid = uniqueIndexName("cli_prune_elsewhere");
    const sampleIds = await importSample(indexUid);
    const elsewhere = makeTempDir("elsewhere");
    writePage(path.join(elsewhere, "other"), "page.txt", makePage("辛地", "美术馆", "郑十"));

    const run = await runCli(["--prune", "other"], indexUid, { cwd: elsewhere });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("pruned 0 articles whose files are gone (within other)");
    const documents = await fetchDocuments(indexUid);
    expect(documents).toHaveLength(sampleIds.length + 1);
    expect(listIds(documents)).toEqual(expect.arrayContaining(sampleIds));
  });

  it("leaves a deleted file outside its inputs alone, and prunes it once its folder is named", async () => {
    const dir = makeTempDir("prune-scope");
    writePage(path.join(dir, "a"), "page.txt", makePage("壬地", "剧院", "冯一"));
    const deleted = writePage(path.join(dir, "b"), "page.txt", makePage("癸地", "公园", "陈二"));
    const indexUid = uniqueIndexName("cli_prune_scope");
    expect((await runCli([path.join(dir, "a"), path.join(dir, "b")], indexUid)).code).toBe(0);
    fs.rmSync(deleted);

    const onA = await runCli(["--prune", path.join(dir, "a")], indexUid);
    expect(onA.code, onA.stderr).toBe(0);
    expect(await countIndexed(indexUid)).toBe(2);

    const onParent = await runCli(["--prune", dir], indexUid, { cwd: path.join(dir, "a") });
    expect(onParent.code, onParent.stderr).toBe(0);
    expect(onParent.stderr).toContain("pruned 1 articles whose files are gone");
    expect((await fetchDocuments(indexUid)).map((document) => document.title)).toEqual(["壬地新建剧院"]);
  });

  it("prunes nothing under an input that is missing (an unmounted disk is not an empty archive)", async () => {
    const dir = makeTempDir("prune-missing");
    const archive = path.join(dir, "archive");
    writePage(archive, "page.txt", makePage("子地", "书店", "褚三"));
    const indexUid = uniqueIndexName("cli_prune_missing");
    expect((await runCli([archive], indexUid)).code).toBe(0);
    fs.rmSync(archive, { recursive: true });

    const run = await runCli(["--prune", archive], indexUid);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/archive: no such file or folder/u);
    expect(await countIndexed(indexUid)).toBe(1);
  });
});

describe("an archive moved to another folder and imported again with --prune from a third", () => {
  it("keeps its ids and paths: nothing doubled, nothing lost, other archives untouched", async () => {
    const indexUid = uniqueIndexName("cli_moved");
    const sampleIds = await importSample(indexUid);

    const oldParent = makeTempDir("moved-from");
    const archive = path.join(oldParent, "archive");
    // One of each kind of id: OCR pages (text hash + place), rmrb files (name stem), a feed (record ids).
    copyFiles(OCR_FIXTURES, ["interleaved-pair.txt", "mixed-items.txt"], path.join(archive, "pages"));
    copyFiles(RMRB_FIXTURES, ["20190221-01-03.txt", "20190222-04-02.txt"], path.join(archive, "rmrb"));
    writePage(path.join(archive, "feeds"), "news.jsonl", ['{"id":"moved-1","title":"第一条","body":"正文一。"}', '{"id":"moved-2","title":"第二条","body":"正文二。"}'].join("\n") + "\n");
    const first = await runCli([archive], indexUid);
    expect(first.code, first.stderr).toBe(0);
    const before = (await fetchDocuments(indexUid)).filter((document) => !sampleIds.includes(document.id));
    expect(before.length).toBeGreaterThanOrEqual(8);

    const newParent = makeTempDir("moved-to");
    const moved = path.join(newParent, "archive");
    fs.cpSync(archive, moved, { recursive: true });
    fs.rmSync(oldParent, { recursive: true });
    const elsewhere = makeTempDir("moved-cwd");
    const run = await runCli(["--prune", path.relative(elsewhere, moved)], indexUid, { cwd: elsewhere });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("pruned 0 articles whose files are gone");

    const after = await fetchDocuments(indexUid);
    expect(after).toHaveLength(sampleIds.length + before.length);
    expect(listIds(after)).toEqual(sortValues([...sampleIds, ...before.map((document) => document.id)]));
    const movedDocuments = after.filter((document) => !sampleIds.includes(document.id));
    // Readers see the path inside the archive, wherever it lies and wherever the command ran.
    expect(new Map(movedDocuments.map((document) => [document.id, document.sourceFile]))).toEqual(
      new Map(before.map((document) => [document.id, document.sourceFile])),
    );
    expect(movedDocuments.every((document) => isInside(moved, document.sourcePath))).toBe(true);
  });
});

describe("re-importing from another working folder, or through another input", () => {
  it("doubles nothing and still replaces the articles of a changed file", async () => {
    const dir = makeTempDir("reimport");
    const page = writePage(path.join(dir, "pages"), "page.txt", makePage("丑地", "图书馆", "卫四"));
    const indexUid = uniqueIndexName("cli_reimport");
    expect((await runCli([path.join(dir, "pages")], indexUid)).code).toBe(0);

    fs.writeFileSync(page, makePage("寅地", "体育馆", "蒋五"));
    // Deeper than the first run's folder, so that a path relative to the working folder would differ.
    const elsewhere = path.join(makeTempDir("reimport-cwd"), "a", "b");
    fs.mkdirSync(elsewhere, { recursive: true });
    const changed = await runCli([dir], indexUid, { cwd: elsewhere });
    expect(changed.code, changed.stderr).toBe(0);
    expect((await fetchDocuments(indexUid)).map((document) => document.title)).toEqual(["寅地新建体育馆"]);

    const again = await runCli(["pages"], indexUid, { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect((await fetchDocuments(indexUid)).map((document) => [document.title, document.sourceFile])).toEqual([["寅地新建体育馆", "pages/page.txt"]]);
  });
});

describe("an index built before files were known by canonical path", () => {
  it("is refused with the advice to rebuild, and a rebuild can be pruned", async () => {
    const dir = makeTempDir("old-schema");
    const deleted = writePage(dir, "deleted.txt", makePage("卯地", "码头", "沈六"));
    writePage(dir, "kept.txt", makePage("辰地", "车站", "韩七"));
    const indexUid = uniqueIndexName("cli_old_schema");
    expect((await runCli([dir], indexUid)).code).toBe(0);
    // What an index of the previous schema records about itself (index-admin.ts).
    const olderMeta = { id: indexUid, schemaVersion: SCHEMA_VERSION - 1, settingsHash: "older", updatedAt: new Date().toISOString() };
    await connectTestEngine().runTask((meili) => meili.index("baoku_meta").addDocuments([olderMeta], { primaryKey: "id" }));

    const refused = await runCli(["--prune", dir], indexUid);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Rebuild it: npm run ingest -- --rebuild");
    expect(await countIndexed(indexUid)).toBe(2);

    expect((await runCli(["--rebuild", dir], indexUid)).code).toBe(0);
    fs.rmSync(deleted);
    const pruned = await runCli(["--prune", dir], indexUid);
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(pruned.stderr).toContain("pruned 1 articles whose files are gone");
  });
});

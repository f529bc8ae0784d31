import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverFiles } from "./discover";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-discover-"));
const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-discover-link-"));
afterAll(() => [root, elsewhere].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("discovering input files", () => {
  it("walks folders recursively in a stable order, classifies formats and lists what it ignores", () => {
    fs.mkdirSync(path.join(root, "b", "c"), { recursive: true });
    fs.writeFileSync(path.join(root, "b", "c", "2.txt"), "x");
    fs.writeFileSync(path.join(root, "b", "1.txt"), "x");
    fs.writeFileSync(path.join(root, "feed.jsonl.gz"), "x");
    fs.writeFileSync(path.join(root, "notes.json"), "{}");
    fs.writeFileSync(path.join(root, ".hidden.txt"), "x");

    const result = discoverFiles([root, path.join(root, "b", "1.txt")]);
    expect(result.files.map((file) => [path.relative(root, file.absPath), file.format])).toEqual([
      [path.join("b", "1.txt"), "text"],
      [path.join("b", "c", "2.txt"), "text"],
      ["feed.jsonl.gz", "feed"],
    ]);
    expect(result.ignored.map((file) => path.basename(file))).toEqual(["notes.json"]);
  });

  it("names files inside their input, led by its folder's name, never by the working folder", () => {
    const name = path.basename(root);
    expect(discoverFiles([root]).files.map((file) => file.relPath)).toEqual([`${name}/b/1.txt`, `${name}/b/c/2.txt`, `${name}/feed.jsonl.gz`]);
    expect(discoverFiles([path.join(root, "b")]).files.map((file) => file.relPath)).toEqual(["b/1.txt", "b/c/2.txt"]);
    // A file given alone is named as when its folder is given.
    expect(discoverFiles([path.join(root, "b", "1.txt")]).files.map((file) => file.relPath)).toEqual(["b/1.txt"]);
  });

  it("knows each file and input by its canonical path, and reads a file reached twice once", () => {
    const link = path.join(elsewhere, "link");
    fs.symlinkSync(path.join(root, "b"), link);
    const result = discoverFiles([link, path.join(root, "b", "1.txt")]);
    expect(result.files.map((file) => [file.relPath, file.sourcePath])).toEqual([
      ["link/1.txt", fs.realpathSync(path.join(root, "b", "1.txt"))],
      ["link/c/2.txt", fs.realpathSync(path.join(root, "b", "c", "2.txt"))],
    ]);
    expect(result.roots).toEqual([
      { input: link, canonicalPath: fs.realpathSync(path.join(root, "b")) },
      { input: path.join(root, "b", "1.txt"), canonicalPath: fs.realpathSync(path.join(root, "b", "1.txt")) },
    ]);
  });

  it("names a missing path instead of failing the run, and does not count it as a root", () => {
    const result = discoverFiles([path.join(root, "nope")]);
    expect(result.files).toEqual([]);
    expect(result.roots).toEqual([]);
    expect(result.missing[0]?.message).toContain("nope");
  });
});

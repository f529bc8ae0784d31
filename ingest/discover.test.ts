import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverFiles } from "./discover";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-discover-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

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

  it("names a missing path instead of failing the run", () => {
    const result = discoverFiles([path.join(root, "nope")]);
    expect(result.files).toEqual([]);
    expect(result.missing[0]?.message).toContain("nope");
  });
});

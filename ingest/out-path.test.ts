import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOutPath, isInside, type OutPathContext } from "./out-path";

/** A working folder with an input folder, an input file, a manifest and a data folder. */
const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "baoku-out-path-")));
const cwd = path.join(root, "work");
fs.mkdirSync(path.join(cwd, "archive", "pages"), { recursive: true });
fs.mkdirSync(path.join(cwd, ".data"));
fs.mkdirSync(path.join(cwd, "exports"));
fs.writeFileSync(path.join(cwd, "archive", "pages", "p1.txt"), "页面");
fs.writeFileSync(path.join(cwd, "feed.jsonl"), "{}\n");
fs.writeFileSync(path.join(cwd, "manifest.json"), "[]");
fs.symlinkSync(path.join(cwd, "feed.jsonl"), path.join(cwd, "link-to-feed.jsonl"));
fs.symlinkSync(path.join(cwd, ".data"), path.join(cwd, "exports", "data-link"));
fs.symlinkSync(path.join(cwd, "nowhere.jsonl"), path.join(cwd, "dangling.jsonl"));

const context: OutPathContext = { cwd, inputs: ["archive", "feed.jsonl"], manifestPath: "manifest.json", dataDir: path.join(cwd, ".data") };

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function refusal(raw: string): string {
  const check = checkOutPath(raw, context);
  if (check.ok) throw new Error(`expected ${raw} to be refused, got ${check.path}`);
  expect(check.message).toContain(`--out "${raw}"`);
  return check.message;
}

describe("checkOutPath", () => {
  it("accepts a new file in the working folder, below it, or at an absolute path elsewhere", () => {
    expect(checkOutPath("articles.jsonl", context)).toEqual({ ok: true, path: path.join(cwd, "articles.jsonl") });
    expect(checkOutPath("exports/../exports/a.jsonl", context)).toEqual({ ok: true, path: path.join(cwd, "exports", "a.jsonl") });
    expect(checkOutPath(path.join(root, "elsewhere.jsonl"), context)).toEqual({ ok: true, path: path.join(root, "elsewhere.jsonl") });
    // An existing file that is no input is replaced, as before.
    fs.writeFileSync(path.join(cwd, "exports", "old.jsonl"), "old");
    expect(checkOutPath("exports/old.jsonl", context).ok).toBe(true);
  });

  it('refuses ".." that leads outside the working folder, relative or absolute', () => {
    expect(refusal("../articles.jsonl")).toMatch(/contains "\.\.", which would leave the working folder/);
    expect(refusal("exports/../../../etc/passwd")).toMatch(/leave the working folder/);
    expect(refusal(`${cwd}/../articles.jsonl`)).toMatch(/leave the working folder/);
  });

  it("refuses the data folder, also through a link", () => {
    expect(refusal(".data/articles.jsonl")).toMatch(/inside the data folder .*BAOKU_DATA_DIR/);
    expect(refusal("exports/data-link/articles.jsonl")).toMatch(/inside the data folder/);
    expect(refusal(path.join(cwd, ".data", "data.ms"))).toMatch(/inside the data folder/);
  });

  it("refuses an input, the manifest, a link to an input and a place inside an input folder", () => {
    expect(refusal("feed.jsonl")).toMatch(/is the input feed\.jsonl, which would be overwritten/);
    expect(refusal("./manifest.json")).toMatch(/is the input manifest\.json/);
    expect(refusal("link-to-feed.jsonl")).toMatch(/is the input feed\.jsonl/);
    expect(refusal("archive/pages/p1.txt")).toMatch(/inside the input folder archive/);
    expect(refusal("archive/new.jsonl")).toMatch(/inside the input folder archive, so the next import would read it back/);
  });

  it("refuses a folder, a missing folder, a dangling link and an empty path", () => {
    expect(refusal("exports")).toMatch(/is an existing folder/);
    expect(refusal("no-such-folder/articles.jsonl")).toMatch(/the folder .*no-such-folder does not exist/);
    expect(refusal("dangling.jsonl")).toMatch(/a link to nothing/);
    expect(refusal("")).toMatch(/empty/);
  });
});

describe("isInside", () => {
  it("tells a folder's own paths from siblings with a similar name", () => {
    expect(isInside("/a/b", "/a/b")).toBe(true);
    expect(isInside("/a/b", "/a/b/c/d")).toBe(true);
    expect(isInside("/a/b", "/a/bc")).toBe(false);
    expect(isInside("/a/b", "/a")).toBe(false);
    expect(isInside("/a/b", "/a/b/..foo")).toBe(true);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isInside as isWithin } from "./out-path";
import { isGone } from "./prune-missing";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-prune-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("what --prune may look at", () => {
  it("takes a file within an input folder, or the input file itself, and nothing beside them", () => {
    expect(isWithin("/a/pages", "/a/pages/2019/01.txt")).toBe(true);
    expect(isWithin("/a/pages/01.txt", "/a/pages/01.txt")).toBe(true);
    expect(isWithin("/a/pages", "/a/pages2/01.txt")).toBe(false);
    expect(isWithin("/a/pages", "/a/01.txt")).toBe(false);
    expect(isWithin("/a/pages/01.txt", "/a/pages/02.txt")).toBe(false);
    expect(isWithin("/a", "/a/..b/01.txt")).toBe(true);
    expect(isWithin("/", "/a/01.txt")).toBe(true);
  });

  it("counts a file as gone only when it is really not there", () => {
    const file = path.join(dir, "page.txt");
    fs.writeFileSync(file, "x");
    expect(isGone(file)).toBe(false);
    expect(isGone(path.join(dir, "deleted.txt"))).toBe(true);
    expect(isGone(path.join(file, "under-a-file.txt"))).toBe(true);
  });
});

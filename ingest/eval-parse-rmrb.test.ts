import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTHOR_ROLES } from "@/lib/article/types";
import { DEFAULT_CORPUS, evaluateRmrbBylines, loadBylineFixture } from "./eval-parse-rmrb";

describe("rmrb byline fixture", () => {
  const fixture = loadBylineFixture();

  const allFiles = [...fixture.files, ...(fixture.heldOutFiles ?? [])];

  it("labels at least 200 distinct files and stores only paths and labels", () => {
    expect(fixture.files.length).toBeGreaterThanOrEqual(200);
    expect(new Set(allFiles.map((file) => file.path)).size).toBe(allFiles.length);
    for (const file of allFiles) {
      expect(Object.keys(file).sort()).toEqual(["authors", "credits", "path"]);
      expect(file.path).toMatch(/^\d{4}年\d{1,2}月\/\d{8}\/\d{8}-\d{2}-\d{2}\.txt$/u);
    }
  });

  it("uses only normalised author roles", () => {
    for (const file of allFiles) {
      for (const author of file.authors) {
        expect(author.role === null || (AUTHOR_ROLES as readonly string[]).includes(author.role), `${file.path} ${author.name}`).toBe(true);
      }
    }
  });
});

describe.skipIf(!fs.existsSync(DEFAULT_CORPUS))(`byline evaluation on ${DEFAULT_CORPUS} (skipped when ../shared/data/rmrb is absent)`, () => {
  it("keeps byline precision and recall high on the labelled sample", () => {
    const { sample, heldOut } = evaluateRmrbBylines();
    expect(sample.authors.precision).toBeGreaterThanOrEqual(0.95);
    expect(sample.authors.recall).toBeGreaterThanOrEqual(0.9);
    expect(sample.credits.recall).toBeGreaterThanOrEqual(0.9);
    expect(heldOut?.authors.precision).toBeGreaterThanOrEqual(0.9);
    expect(heldOut?.authors.recall).toBeGreaterThanOrEqual(0.85);
  });
});

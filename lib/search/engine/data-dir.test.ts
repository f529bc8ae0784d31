import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UNWRITABLE_NEEDS, canMakeUnwritable, makeUnwritable, makeWritable, restoreAll } from "@/test/integration/read-only";
import { prepareDataDir } from "./data-dir";
import { EngineError } from "./errors";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-data-dir-"));
afterAll(() => {
  try {
    restoreAll();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** A data folder as a first run leaves it (the files' contents do not matter). */
function usedDataDir(name: string): string {
  const dataDir = path.join(root, name);
  fs.mkdirSync(path.join(dataDir, "meili", "data.ms", "indexes", "uid-1"), { recursive: true });
  for (const file of ["master-key", "meilisearch.log", "meili/data.ms/VERSION", "meili/data.ms/indexes/uid-1/data.mdb"]) {
    fs.writeFileSync(path.join(dataDir, file), "x");
  }
  return dataDir;
}

describe("prepareDataDir", () => {
  it("creates a missing data folder with its database folder, and nothing else", () => {
    const dataDir = path.join(root, "fresh", "data");
    prepareDataDir(dataDir, path.join(dataDir, "meilisearch.log"));
    expect(fs.readdirSync(dataDir)).toEqual(["meili"]);
  });

  it("names a data folder it cannot create", () => {
    const file = path.join(root, "a-file");
    fs.writeFileSync(file, "");
    const dataDir = path.join(file, "data");
    expect(() => prepareDataDir(dataDir, path.join(dataDir, "meilisearch.log"))).toThrow(EngineError);
    expect(() => prepareDataDir(dataDir, path.join(dataDir, "meilisearch.log"))).toThrow(/a-file\/data is not writable \(ENOTDIR/);
  });

  describe.skipIf(!canMakeUnwritable())(`with unwritable paths (${UNWRITABLE_NEEDS})`, () => {
    it("names the first path Baoku or Meilisearch writes that cannot be written, deep in the database too", () => {
      const dataDir = usedDataDir("used");
      const indexFile = path.join(dataDir, "meili/data.ms/indexes/uid-1/data.mdb");
      makeUnwritable(indexFile);
      const prepare = () => prepareDataDir(dataDir, path.join(dataDir, "meilisearch.log"));
      expect(prepare).toThrow(`Data folder ${dataDir} is not writable: cannot write ${indexFile} (`);
      expect(prepare).toThrow(/\((EPERM: operation not permitted|EACCES: permission denied)\)/);
      makeWritable(indexFile);
      expect(prepare).not.toThrow();
    });

    it("does not ask for more than it uses: a read-only master key and files of others are fine", () => {
      const dataDir = usedDataDir("read-only-key");
      fs.writeFileSync(path.join(dataDir, "notes.txt"), "the librarian's own file");
      makeUnwritable(path.join(dataDir, "master-key"));
      makeUnwritable(path.join(dataDir, "notes.txt"));
      expect(() => prepareDataDir(dataDir, path.join(dataDir, "meilisearch.log"))).not.toThrow();
    });

    it("checks a log kept outside the data folder, or the folder it would be created in", () => {
      const dataDir = usedDataDir("outside-log");
      const logDir = fs.mkdtempSync(path.join(root, "logs-"));
      makeUnwritable(logDir);
      expect(() => prepareDataDir(dataDir, path.join(logDir, "engine.log"))).toThrow(`cannot write ${logDir} (`);
      makeWritable(logDir);
      fs.writeFileSync(path.join(logDir, "engine.log"), "");
      makeUnwritable(path.join(logDir, "engine.log"));
      expect(() => prepareDataDir(dataDir, path.join(logDir, "engine.log"))).toThrow(`cannot write ${path.join(logDir, "engine.log")} (`);
    });
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest, lookupManifest, parseManifest, type ManifestEntry } from "./manifest";

function entriesOf(text: string, label: string): ManifestEntry[] {
  const result = parseManifest(text, label);
  if (!result.ok) throw new Error(result.error);
  return result.entries;
}

function errorOf(text: string, label: string): string {
  const result = parseManifest(text, label);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("parseManifest: JSON", () => {
  it("reads an array of entries with line numbers", () => {
    const json = `[
  {"path": "shanghai/", "paper": "解放日报"},
  {"file": "shanghai/1949-05-28.txt", "date": "1949-05-28", "page": "1"}
]`;
    expect(entriesOf(json, "m.json")).toEqual([
      { path: "shanghai", paper: "解放日报", date: null, page: null, line: 2 },
      { path: "shanghai/1949-05-28.txt", paper: null, date: "1949-05-28", page: 1, line: 3 },
    ]);
  });

  it("reads an object keyed by path and an {entries} object", () => {
    const keyed = `{\n  "a/b.txt": {"paper": "人民日报", "date": "2019-02-21", "page": 4},\n  "c": {"paper": "大公报"}\n}`;
    expect(entriesOf(keyed, "m.json").map((entry) => [entry.path, entry.line])).toEqual([["a/b.txt", 2], ["c", 3]]);
    const wrapped = `{"entries": [\n {"path": "x", "paper": "申报"}\n]}`;
    expect(entriesOf(wrapped, "m.json")).toEqual([{ path: "x", paper: "申报", date: null, page: null, line: 2 }]);
  });

  it("names file and line for malformed JSON and bad values", () => {
    expect(errorOf(`[\n {"path": "a",}\n]`, "bad.json")).toMatch(/^manifest bad\.json: invalid JSON at line 2/u);
    expect(errorOf(`[\n {"path": "a"},\n {"path": "b", "date": "2019-02-30"}\n]`, "m.json")).toBe(
      'manifest m.json line 3: date "2019-02-30" is not a real calendar date (expected YYYY-MM-DD)',
    );
    expect(errorOf(`[{"path": "a", "page": 0}]`, "m.json")).toBe("manifest m.json line 1: page 0 is not a positive whole number");
    expect(errorOf(`[{"paper": "x"}]`, "m.json")).toBe("manifest m.json line 1: missing path");
  });
});

describe("parseManifest: CSV", () => {
  it("reads a header and quoted fields", () => {
    const csv = 'path,paper,date,page\r\n"1949/上海, 第一版.txt",解放日报,1949-05-28,1\r\n1949/,"解放日报",,\r\n';
    expect(entriesOf(csv, "m.csv")).toEqual([
      { path: "1949/上海, 第一版.txt", paper: "解放日报", date: "1949-05-28", page: 1, line: 2 },
      { path: "1949", paper: "解放日报", date: null, page: null, line: 3 },
    ]);
  });

  it("accepts Chinese headers and tabs", () => {
    expect(entriesOf("路径\t报纸\t日期\t版次\na.txt\t申报\t1936-10-20\t3\n", "m.tsv")).toEqual([
      { path: "a.txt", paper: "申报", date: "1936-10-20", page: 3, line: 2 },
    ]);
  });

  it("needs a path column and reports duplicates with both lines", () => {
    expect(errorOf("paper,date\n申报,1936-10-20\n", "m.csv")).toMatch(/^manifest m\.csv line 1: the header needs a path/u);
    expect(errorOf("path,paper\na,x\nb,y\na/,z\n", "m.csv")).toBe('manifest m.csv line 4: duplicate entry for "a" (first given on line 2)');
  });
});

describe("parseManifest: path safety", () => {
  it("refuses .. and absolute paths, naming the line", () => {
    expect(errorOf("path,paper\n../secret,x\n", "m.csv")).toBe('manifest m.csv line 2: path "../secret" contains "..", which would leave the ingest root');
    expect(errorOf("path,paper\na/../../b,x\n", "m.csv")).toMatch(/line 2: path "a\/\.\.\/\.\.\/b" contains "\.\."/u);
    expect(errorOf("path,paper\n/etc/passwd,x\n", "m.csv")).toBe('manifest m.csv line 2: path "/etc/passwd" is absolute; manifest paths must be relative to the ingest root');
    expect(errorOf('[{"path": "C:\\\\data\\\\a.txt"}]', "m.json")).toMatch(/is absolute/u);
    expect(errorOf('[{"path": "\\\\\\\\server\\\\share"}]', "m.json")).toMatch(/is absolute/u);
  });
});

describe("lookupManifest", () => {
  const entries = entriesOf(
    'path,paper,date,page\n.,默认报,,\nshanghai,解放日报,,\nshanghai/1949,解放日报,1949-05-28,\nshanghai/1949/p1.txt,,,1\n',
    "m.csv",
  );

  it("returns the most specific entry: exact file, then the deepest folder", () => {
    expect(lookupManifest(entries, "shanghai/1949/p1.txt")?.line).toBe(5);
    expect(lookupManifest(entries, "shanghai/1949/p2.txt")?.line).toBe(4);
    expect(lookupManifest(entries, "shanghai\\1950\\p1.txt")?.line).toBe(3);
    expect(lookupManifest(entries, "beijing/a.txt")?.paper).toBe("默认报");
  });

  it("does not treat a name prefix as a folder", () => {
    expect(lookupManifest(entries, "shanghai-old/a.txt")?.paper).toBe("默认报");
    expect(lookupManifest([], "a.txt")).toBeNull();
  });
});

describe("loadManifest", () => {
  it("reads a file, decoding its encoding, and names an unreadable one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    const file = path.join(dir, "m.csv");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("path,paper\r\na.txt,申报\r\n", "utf8")]));
    expect(loadManifest(file)).toEqual({ ok: true, entries: [{ path: "a.txt", paper: "申报", date: null, page: null, line: 2 }] });
    const missing = loadManifest(path.join(dir, "none.json"));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatch(/^manifest .*none\.json: cannot read/u);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

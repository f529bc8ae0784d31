import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readEnginesConfig } from "./engines-config";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-engines-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const KEY = "a-key-of-sixteen-bytes";

describe("BAOKU_ENGINES", () => {
  it("reads a valid list in order, with holdings", () => {
    const file = write("ok.json", {
      engines: [
        { name: "early", url: "https://a.example:7700", key: KEY, holds: { to: "1999-12-31" } },
        { name: "rest", url: "http://b.example:7700", key: KEY },
      ],
    });
    expect(readEnginesConfig(file).map((engine) => [engine.name, engine.holds ?? null])).toEqual([
      ["early", { to: "1999-12-31" }],
      ["rest", null],
    ]);
  });

  it("names the file and the place of each problem", () => {
    const file = write("bad.json", {
      engines: [
        { name: "a", url: "ftp://a", key: "short", holds: { from: "2001-01-01", to: "2000-01-01" } },
        { name: "a", url: "http://b", key: KEY },
        { name: "c", url: "http://c", key: KEY, holds: { papers: ["人民日报"] }, extra: 1 },
      ],
    });
    let message = "";
    try {
      readEnginesConfig(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`BAOKU_ENGINES=${file}`);
    expect(message).toContain("engines.0.url: an http:// or https:// address");
    expect(message).toContain("engines.0.key");
    expect(message).toContain("engines.0.holds: from is after to");
    expect(message).toContain('engines.1.name: "a" is used twice');
    expect(message).toContain("engines.1.holds: only the last engine may hold everything else");
    expect(message).toContain("engines.2");
  });

  it("refuses a single engine, an unreadable file and bad JSON by name", () => {
    expect(() => readEnginesConfig(write("one.json", { engines: [{ name: "a", url: "http://a", key: KEY }] }))).toThrow(/at least two engines/u);
    expect(() => readEnginesConfig(path.join(dir, "missing.json"))).toThrow(/BAOKU_ENGINES=.*missing\.json cannot be read/u);
    expect(() => readEnginesConfig(write("broken.json", "{ engines: "))).toThrow(/cannot be read as JSON/u);
  });
});

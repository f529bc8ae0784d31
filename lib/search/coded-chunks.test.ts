import { describe, expect, it } from "vitest";
import { toCodedCharText } from "./coded-chars";
import {
  CHUNK_OVERLAP,
  countPositions,
  ENGINE_POSITION_LIMIT,
  HARD_SEPARATOR_STEP,
  POSITION_BUDGET,
  splitCodedText,
  toCodedCharFields,
  toCodedFields,
} from "./coded-chunks";
import { toSearchOnCharFields } from "./index-schema";
import { MAX_TOKENS_PER_SEARCH } from "./query/compile-query";
import { MAX_QUERY_LENGTH } from "./query/parse-query";
import { MAX_WORDS } from "./whole-words";

/** Coded text from paragraphs given as word counts; word n is spelled `w<n>`, so every word is distinct. */
function codedParagraphs(lengths: readonly number[]): string {
  let next = 0;
  return lengths.map((length) => Array.from({ length }, () => `w${next++}`).join(" ")).join(" . ");
}

function words(chunk: string): string[] {
  return chunk.split(" ").filter((token) => token !== ".");
}

describe("countPositions", () => {
  it("counts one position per word and the engine's step of 8 across a hard separator", () => {
    expect(countPositions("")).toBe(0);
    expect(countPositions("abcd")).toBe(1);
    expect(countPositions("abcd bcde cdef")).toBe(3);
    // Positions 0, 1 | 9, 10 | 18.
    expect(countPositions("aaaa bbbb . cccc dddd . eeee")).toBe(19);
  });

  it("agrees with the coded form of a text", () => {
    expect(countPositions(toCodedCharText("开心\n\n自我"))).toBe(2 + HARD_SEPARATOR_STEP + 1);
    expect(countPositions(toCodedCharText("一".repeat(1000)))).toBe(1000);
  });
});

describe("splitCodedText", () => {
  it("returns a text within the budget unchanged, as the only chunk", () => {
    const text = codedParagraphs([30, 5, 12]);
    expect(splitCodedText(text, 100, 5)).toEqual([text]);
    expect(splitCodedText("", 100, 5)).toEqual([""]);
    const exactlyFull = codedParagraphs([100]);
    expect(countPositions(exactlyFull)).toBe(100);
    expect(splitCodedText(exactlyFull, 100, 5)).toEqual([exactlyFull]);
    expect(splitCodedText(codedParagraphs([101]), 100, 5)).toHaveLength(2);
  });

  it("keeps every chunk within the budget, overlapping the next by exactly `overlap` words", () => {
    const text = codedParagraphs([120, 3, 40, 1, 75, 60, 200, 9]);
    const budget = 64;
    const overlap = 7;
    const chunks = splitCodedText(text, budget, overlap);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(countPositions(chunk)).toBeLessThanOrEqual(budget);
      expect(chunk.startsWith(".") || chunk.endsWith(".")).toBe(false);
    }
    for (let i = 1; i < chunks.length; i++) {
      expect(words(chunks[i] ?? "").slice(0, overlap)).toEqual(words(chunks[i - 1] ?? "").slice(-overlap));
    }
    // Dropping each overlap gives the text back, paragraph breaks included.
    const rebuilt = chunks.map((chunk, i) => (i === 0 ? chunk.split(" ") : dropLeadingWords(chunk, overlap))).flat();
    expect(rebuilt.join(" ")).toBe(text);
  });

  it("fills each chunk up to the budget (the first chunk of one long paragraph ends at position budget - 1)", () => {
    const chunks = splitCodedText(codedParagraphs([1000]), 300, 20);
    expect(words(chunks[0] ?? "")).toHaveLength(300);
    expect(words(chunks[1] ?? "")[0]).toBe("w280");
  });

  it("puts every phrase of up to `overlap` words inside one paragraph whole into some chunk", () => {
    const lengths = [50, 2, 33, 70, 1, 18, 64, 90];
    const text = codedParagraphs(lengths);
    const overlap = 6;
    const chunks = splitCodedText(text, 56, overlap).map((chunk) => ` ${chunk} `);
    for (const paragraph of text.split(" . ")) {
      const tokens = paragraph.split(" ");
      for (let length = 1; length <= overlap; length++) {
        for (let start = 0; start + length <= tokens.length; start++) {
          const phrase = ` ${tokens.slice(start, start + length).join(" ")} `;
          expect(chunks.some((chunk) => chunk.includes(phrase)), phrase).toBe(true);
        }
      }
    }
  });

  it("refuses a budget that could not move past the overlap", () => {
    expect(() => splitCodedText("a b", 8 * 10, 10)).toThrow(RangeError);
    expect(() => splitCodedText("a b", 100, -1)).toThrow(RangeError);
  });
});

describe("stored coded fields", () => {
  it("stores a text within the budget exactly as before, with no chunk field", () => {
    const body = "全年完成投资2691.06亿元。\n新建5G基站142个。";
    expect(toCodedCharFields("bodyChars", body)).toEqual({ bodyChars: toCodedCharText(body) });
    expect(toCodedCharFields("titleChars", "")).toEqual({ titleChars: "" });
  });

  it("splits a 150,000-character body into bodyChars, bodyChars.c1, … each within the engine's positions", () => {
    const body = Array.from({ length: 300 }, (_, i) => `第${i}段`.padEnd(500, "文")).join("\n");
    const fields = toCodedCharFields("bodyChars", body);
    expect(Object.keys(fields)).toEqual(["bodyChars", "bodyChars.c1", "bodyChars.c2"]);
    for (const chunk of Object.values(fields)) {
      expect(countPositions(chunk ?? "")).toBeLessThanOrEqual(POSITION_BUDGET);
    }
    expect(Object.values(fields)).toEqual(splitCodedText(toCodedCharText(body)));
    expect(toCodedFields("x", "abcd")).toEqual({ x: "abcd" });
  });

  it("names a field and its chunks in searches with one pattern", () => {
    expect(toSearchOnCharFields(["titleChars", "bodyChars"])).toEqual(["titleChars*", "bodyChars*"]);
  });
});

describe("limits", () => {
  it("keeps the budget below the engine's limit and the overlap above the longest phrase a search can carry", () => {
    expect(POSITION_BUDGET).toBeLessThan(ENGINE_POSITION_LIMIT);
    // A phrase of n characters costs 2n + 2 query tokens (compile-query.ts).
    expect(CHUNK_OVERLAP).toBeGreaterThanOrEqual((MAX_TOKENS_PER_SEARCH - 2) / 2);
    expect(CHUNK_OVERLAP).toBeGreaterThanOrEqual(MAX_QUERY_LENGTH);
    expect(POSITION_BUDGET).toBeGreaterThan(CHUNK_OVERLAP * HARD_SEPARATOR_STEP);
  });

  it("caps the whole-word set so its positions stay within the budget", () => {
    const wordSet = (count: number) => Array.from({ length: count }, () => "abcdabcd").join(" . ");
    expect(countPositions(wordSet(MAX_WORDS))).toBeLessThanOrEqual(POSITION_BUDGET);
    expect(countPositions(wordSet(MAX_WORDS + 1))).toBeGreaterThan(POSITION_BUDGET);
  });
});

function dropLeadingWords(chunk: string, count: number): string[] {
  const tokens = chunk.split(" ");
  let seen = 0;
  let index = 0;
  while (seen < count) {
    if (tokens[index] !== ".") seen++;
    index++;
  }
  return tokens.slice(index);
}

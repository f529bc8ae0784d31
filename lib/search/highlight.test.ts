import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeChar, normalizeText } from "@/lib/text/normalize";
import { findRangesByPattern } from "./match-pattern";
import {
  buildSnippets,
  findMatchRanges,
  findRangesByNormalising,
  highlightText,
  segmentsToSafeHtml,
  type HighlightSegment,
  type Snippet,
} from "./highlight";

/** Segments written compactly: matches in [brackets]. */
function render(segments: readonly HighlightSegment[]): string {
  return segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join("");
}

function joinSegments(segments: readonly HighlightSegment[]): string {
  return segments.map((segment) => segment.text).join("");
}

// The reference: every code point normalised on its own, whitespace other than \n dropped,
// each occurrence of a term mapped back to the code points it came from, then merged.
function findByReference(text: string, terms: readonly string[]): Array<{ start: number; end: number }> {
  const units: Array<{ char: string; start: number; end: number }> = [];
  let index = 0;
  for (const char of text) {
    for (const out of normalizeChar(char)) if (out === "\n" || !/\s/u.test(out)) units.push({ char: out, start: index, end: index + char.length });
    index += char.length;
  }
  const ranges: Array<{ start: number; end: number }> = [];
  const needles = [...new Set(terms.map((term) => normalizeText(term).replace(/\s+/gu, "")))].filter(Boolean);
  for (const needle of needles) {
    const chars = [...needle];
    for (let at = 0; at + chars.length <= units.length; at++) {
      if (chars.every((char, k) => units[at + k]!.char === char)) ranges.push({ start: units[at]!.start, end: units[at + chars.length - 1]!.end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: typeof ranges = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

describe("highlightText", () => {
  const cases: Array<[string, string, string[], string]> = [
    ["Traditional text for a Simplified query", "市立醫院開業", ["医院"], "市立[醫院]開業"],
    ["Simplified text for a Traditional query", "市立医院", ["醫院"], "市立[医院]"],
    ["a word inside a longer word", "中小微企业", ["小微"], "中[小微]企业"],
    ["spaces inside the text are ignored", "很开 心", ["开心"], "很[开 心]"],
    ["spaces inside the term are ignored", "很开心", ["开 心"], "很[开心]"],
    ["full-width text, half-width query, any case", "ＰＭ２．５超标", ["pm2.5"], "[ＰＭ２．５]超标"],
    ["no match across a paragraph break", "开\n心", ["开心"], "开\n心"],
    ["overlapping occurrences merge", "哈哈哈", ["哈哈"], "[哈哈哈]"],
    ["touching terms merge into one mark", "小微企业", ["小微", "企业"], "[小微企业]"],
    ["a term inside another term", "小微企业贷款", ["小微企业", "企业"], "[小微企业]贷款"],
    ["every occurrence", "医院和醫院", ["医院"], "[医院]和[醫院]"],
    ["characters outside the BMP", "𠀀𠀁𠀀", ["𠀁"], "𠀀[𠀁]𠀀"],
    ["a compatibility character maps back whole", "面积10㎡", ["m2"], "面积10[㎡]"],
    ["punctuation matches only itself", "2691.06亿元", ["269106"], "2691.06亿元"],
    ["no terms", "文本", [], "文本"],
    ["blank term", "文本", [" ", ""], "文本"],
  ];

  it.each(cases)("%s", (_name, text, terms, expected) => {
    expect(render(highlightText(text, terms))).toBe(expected);
  });

  it("returns original UTF-16 ranges", () => {
    expect(findMatchRanges("A醫院B", ["医院"])).toEqual([{ start: 1, end: 3 }]);
    expect(findMatchRanges("𠀀医院", ["医院"])).toEqual([{ start: 2, end: 4 }]);
  });

  it("finds the ranges a plain per-code-point reading finds (property)", () => {
    const alphabet = fc.constantFrom("小", "微", "企", "业", "醫", "医", "院", " ", "\n", "\u3000", "Ａ", "a", "𠀀", "㎡", "㍿", "株", "m", "2", "。", "，", ",");
    const text = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(""));
    const terms = fc.array(text.map((t) => t.slice(0, 4)), { maxLength: 3 });
    fc.assert(
      fc.property(text, terms, (original, queryTerms) => {
        expect(findMatchRanges(original, queryTerms)).toEqual(findByReference(original, queryTerms));
      }),
      { numRuns: 500 },
    );
  });

  it("reads texts without expanding characters by patterns alone, with the reference's ranges (property)", () => {
    // No character outside the BMP and none that normalises to several: the pattern path must answer.
    const alphabet = fc.constantFrom("小", "微", "企", "业", "醫", "医", "院", "運", "运", " ", "\n", "\u3000", "\t", "Ａ", "a", "A", "ｍ", "m", "２", "2", "。", "，", ",", "(", "（");
    const text = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(""));
    const terms = fc.array(text.map((t) => t.slice(0, 4)), { maxLength: 3 });
    fc.assert(
      fc.property(text, terms, (original, queryTerms) => {
        const byPattern = findRangesByPattern(original, queryTerms);
        expect(byPattern).toBeDefined();
        expect(findMatchRanges(original, queryTerms)).toEqual(findByReference(original, queryTerms));
        expect(byPattern?.length).toBe(findRangesByNormalising(original, queryTerms).length);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves a text to the normalising path only when an expanding character could take part in a match", () => {
    // … normalises to "...", ㍿ to 株式会社, 𠀀 lies outside the BMP.
    expect(findRangesByPattern("等等…", ["..."])).toBeUndefined();
    expect(findMatchRanges("等等…", ["..."])).toEqual([{ start: 2, end: 3 }]);
    expect(findRangesByPattern("本㍿", ["株式"])).toBeUndefined();
    expect(findRangesByPattern("𠀀医院", ["医院"])).toBeUndefined();
    // One that cannot take part is a barrier, as in the normalised copy: 春…运 holds no 春运.
    expect(findRangesByPattern("春…运，春运", ["春运"])).toEqual([{ start: 4, end: 6 }]);
    expect(findRangesByPattern("醫 院", ["医院"])).toEqual([{ start: 0, end: 3 }]);
  });

  it("concatenates back to the original text and never emits two marks in a row (property)", () => {
    const alphabet = fc.constantFrom("小", "微", "企", "业", "醫", "医", "院", " ", "\n", "\u3000", "Ａ", "a", "𠀀", "㎡", "\ud800", "。");
    const cjkText = fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join(""));
    const text = fc.oneof(cjkText, fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }));
    const terms = fc.array(fc.oneof(cjkText.map((t) => t.slice(0, 4)), fc.string({ maxLength: 3 })), { maxLength: 4 });
    fc.assert(
      fc.property(text, terms, (original, queryTerms) => {
        const segments = highlightText(original, queryTerms);
        expect(joinSegments(segments)).toBe(original);
        for (let i = 1; i < segments.length; i++) {
          expect(segments[i - 1]?.match && segments[i]?.match).toBeFalsy();
        }
        const needles = queryTerms.map((term) => normalizeText(term).replace(/\s+/gu, "")).filter(Boolean);
        for (const segment of segments.filter((s) => s.match)) {
          const normalized = normalizeText(segment.text).replace(/[^\S\n]+/gu, "");
          expect(needles.some((needle) => normalized.includes(needle))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("buildSnippets", () => {
  const filler = (length: number, char = "文") => char.repeat(length);

  it("falls back to the start of the text when nothing matches", () => {
    const text = filler(300);
    const [snippet, ...rest] = buildSnippets(text, ["没有"]);
    expect(rest).toEqual([]);
    expect(snippet).toMatchObject({ start: 0, end: 100, leadingEllipsis: false, trailingEllipsis: true });
    expect(snippet?.segments).toEqual([{ text: filler(100), match: false }]);
  });

  it("shows a short text whole, without ellipses", () => {
    expect(buildSnippets("小微企业贷款", ["小微"])).toEqual([
      {
        segments: [
          { text: "小微", match: true },
          { text: "企业贷款", match: false },
        ],
        start: 0,
        end: 6,
        leadingEllipsis: false,
        trailingEllipsis: false,
      },
    ]);
    expect(buildSnippets("  \n ", ["小微"])).toEqual([]);
  });

  it("centres the window on a match deep in the text", () => {
    const text = `${filler(500)}小微企业${filler(500)}`;
    const [snippet] = buildSnippets(text, ["小微企业"]);
    if (!snippet) throw new Error("no snippet");
    expect(snippet.end - snippet.start).toBe(100);
    expect(snippet.start).toBe(500 - 48);
    expect(snippet.leadingEllipsis && snippet.trailingEllipsis).toBe(true);
    expect(render(snippet.segments)).toBe(`${filler(48)}[小微企业]${filler(48)}`);
  });

  it("starts after a nearby sentence break rather than mid-sentence", () => {
    const text = `${filler(440)}。${filler(50)}小微${filler(500)}`;
    const [snippet] = buildSnippets(text, ["小微"]);
    expect(snippet?.start).toBe(441);
    expect(snippet?.segments[0]).toEqual({ text: filler(50), match: false });
  });

  it("gives far-apart matches their own snippets in text order, up to maxSnippets", () => {
    const text = [filler(300), "甲", filler(300), "乙", filler(300), "甲", filler(300), "乙", filler(300)].join("");
    const snippets = buildSnippets(text, ["乙", "甲"]);
    expect(snippets).toHaveLength(3);
    expect(snippets.map((snippet) => snippet.segments.find((s) => s.match)?.text)).toEqual(["甲", "乙", "甲"]);
    expect(buildSnippets(text, ["甲", "乙"], { maxSnippets: 1 })).toHaveLength(1);
  });

  it("shows nearby matches together in one snippet", () => {
    const text = `${filler(300)}小微${filler(20)}企业${filler(300)}`;
    const snippets = buildSnippets(text, ["小微", "企业"]);
    expect(snippets).toHaveLength(1);
    expect(snippets[0]?.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(["小微", "企业"]);
  });

  it("never shows a fragment of a match at a snippet edge", () => {
    const text = `${filler(300)}甲${filler(48)}小微企业${filler(300)}`;
    for (const snippet of buildSnippets(text, ["甲", "小微企业"])) {
      const marked = snippet.segments.filter((segment) => segment.match).map((segment) => segment.text);
      expect(marked.every((mark) => mark === "甲" || mark === "小微企业")).toBe(true);
    }
  });

  it("keeps snippets well-formed for arbitrary texts (property)", () => {
    const alphabet = fc.constantFrom("甲", "乙", "文", "。", " ", "\n", "𠀀", "醫", "院");
    const text = fc.array(alphabet, { maxLength: 800 }).map((chars) => chars.join(""));
    const terms = fc.array(fc.constantFrom("甲", "乙", "医院", "文文文", "𠀀"), { maxLength: 3 });
    fc.assert(
      fc.property(text, terms, fc.integer({ min: 20, max: 200 }), fc.integer({ min: 1, max: 5 }), (original, queryTerms, targetLength, maxSnippets) => {
        const snippets = buildSnippets(original, queryTerms, { targetLength, maxSnippets });
        expect(snippets.length).toBeLessThanOrEqual(maxSnippets);
        const ranges = findMatchRanges(original, queryTerms);
        let previousEnd = 0;
        for (const snippet of snippets) {
          expectWellFormed(original, snippet);
          expect(snippet.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = snippet.end;
          let offset = snippet.start;
          for (const segment of snippet.segments) {
            if (segment.match) {
              expect(ranges).toContainEqual({ start: offset, end: offset + segment.text.length });
            }
            offset += segment.text.length;
          }
        }
        if (ranges.length > 0) {
          const first = ranges[0];
          expect(snippets[0]?.segments.some((segment) => segment.match)).toBe(true);
          expect(snippets[0]?.start).toBeLessThanOrEqual(first?.start ?? 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

function expectWellFormed(text: string, snippet: Snippet): void {
  expect(joinSegments(snippet.segments)).toBe(text.slice(snippet.start, snippet.end));
  expect(snippet.leadingEllipsis).toBe(text.slice(0, snippet.start).trim() !== "");
  expect(snippet.trailingEllipsis).toBe(text.slice(snippet.end).trim() !== "");
  const low = text.charCodeAt(snippet.start);
  expect(low >= 0xdc00 && low <= 0xdfff && snippet.start > 0).toBe(false);
}

describe("segmentsToSafeHtml", () => {
  it("escapes text and emits only <mark>", () => {
    const text = `<script>alert(1)</script> 医院 <img src=x onerror="alert('x')"> & 医院`;
    const html = segmentsToSafeHtml(highlightText(text, ["医院"]));
    expect(html).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; <mark>医院</mark> &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; <mark>医院</mark>",
    );
    expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"']/);
  });

  it("escapes matched text too", () => {
    expect(segmentsToSafeHtml([{ text: "<b>", match: true }])).toBe("<mark>&lt;b&gt;</mark>");
  });

  it("emits no tag but <mark> for arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }), (text, terms) => {
        const html = segmentsToSafeHtml(highlightText(text, terms));
        expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"']/);
      }),
    );
  });
});

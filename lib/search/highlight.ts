import { normalizeChar, normalizeUnit } from "@/lib/text/normalize";
import { findRangesByPattern, toNeedles, type MatchRange } from "./match-pattern";

/**
 * Highlighting on the text as printed. Matching follows the index exactly:
 * both sides are normalised (NFKC, Traditional → Simplified, lower case),
 * whitespace is ignored (`开 心` matches 开心) and a line break is a paragraph
 * boundary no match crosses — the same rules as lib/search/exact-match.ts.
 * Ranges found on the normalised copy map back to original
 * UTF-16 indices, so 醫院 is highlighted for the query 医院.
 */

export type HighlightSegment = { text: string; match: boolean };

/** Half-open range of UTF-16 indices into the original text. */
export type { MatchRange };

export type Snippet = {
  /** Concatenated, the segments are exactly `text.slice(start, end)`. */
  segments: HighlightSegment[];
  start: number;
  end: number;
  /** True when text is left out before / after the snippet; render "…" there. */
  leadingEllipsis: boolean;
  trailingEllipsis: boolean;
};

export type SnippetOptions = { targetLength?: number; maxSnippets?: number };

const DEFAULT_TARGET_LENGTH = 100;
const DEFAULT_MAX_SNIPPETS = 3;
/** How far a snippet start may move to begin after a sentence break instead of mid-sentence. */
const SENTENCE_SNAP = 15;
const SENTENCE_BREAK = /[。！？；!?;\n]/u;
const PARAGRAPH_BREAK = "\n";

/**
 * All occurrences of the terms, merged where they overlap or touch, in text order. Most texts
 * are read by patterns on the text as printed (match-pattern.ts); the rest are normalised.
 */
export function findMatchRanges(text: string, terms: readonly string[]): MatchRange[] {
  return mergeRanges(findRangesByPattern(text, terms) ?? findRangesByNormalising(text, terms));
}

/** The normalising path alone, unmerged: the normalised copy of the text, searched and mapped back (exported for the test that compares the paths). */
export function findRangesByNormalising(text: string, terms: readonly string[]): MatchRange[] {
  const needles = toNeedles(terms);
  if (needles.length === 0 || text === "") return [];
  const { haystack, unitStart, unitEnd, unitAt } = toSearchableText(text);
  const ranges: MatchRange[] = [];
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      // A lone surrogate in a term could match half a character; only whole units count.
      const first = unitAt[at] === unitAt[at - 1] ? undefined : unitStart[unitAt[at] ?? -1];
      const last = unitAt[end] === unitAt[end - 1] ? undefined : unitEnd[unitAt[end - 1] ?? -1];
      if (first !== undefined && last !== undefined) ranges.push({ start: first, end: last });
    }
  }
  return ranges;
}

/** The whole text as segments; concatenated they are exactly `text`. */
export function highlightText(text: string, terms: readonly string[]): HighlightSegment[] {
  return toSegments(text, 0, text.length, findMatchRanges(text, terms));
}

/**
 * Up to `maxSnippets` windows of about `targetLength` characters, each centred
 * on a match not shown by an earlier one, in text order (the first snippet
 * holds the first match). Without matches, the start of the text.
 */
export function buildSnippets(text: string, terms: readonly string[], options: SnippetOptions = {}): Snippet[] {
  const targetLength = Math.max(1, options.targetLength ?? DEFAULT_TARGET_LENGTH);
  const maxSnippets = Math.max(1, options.maxSnippets ?? DEFAULT_MAX_SNIPPETS);
  if (text.trim() === "") return [];
  const ranges = findMatchRanges(text, terms);
  if (ranges.length === 0) {
    const window = trimWindow(text, 0, snapToCodePoint(text, Math.min(text.length, targetLength)));
    return [makeSnippet(text, window, ranges)];
  }
  const snippets: Snippet[] = [];
  let coveredUntil = 0;
  for (const range of ranges) {
    if (snippets.length >= maxSnippets) break;
    if (range.start < coveredUntil) continue;
    const window = placeWindow(text, range, ranges, { targetLength, minStart: coveredUntil });
    snippets.push(makeSnippet(text, window, ranges));
    coveredUntil = window.end;
  }
  return snippets;
}

/** A snippet's text with "…" where text is left out before or after it; `inner` renders its segments. */
export function wrapSnippet(snippet: Snippet, inner: (segments: readonly HighlightSegment[]) => string): string {
  return `${snippet.leadingEllipsis ? "…" : ""}${inner(snippet.segments)}${snippet.trailingEllipsis ? "…" : ""}`;
}

/** HTML for trusted insertion: all text escaped, matches wrapped in <mark>, nothing else emitted. */
export function segmentsToSafeHtml(segments: readonly HighlightSegment[]): string {
  return segments
    .map((segment) => (segment.match ? `<mark>${escapeHtml(segment.text)}</mark>` : escapeHtml(segment.text)))
    .join("");
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Searchable characters of a text and where each came from in it (see toSearchableText). */
type SearchableText = {
  haystack: string;
  /** Per searchable character (a code point of the normalised text), its original UTF-16 span. */
  unitStart: Int32Array;
  unitEnd: Int32Array;
  /** `unitAt[i]`: the searchable character holding UTF-16 index i of `haystack` (undefined past its end). */
  unitAt: Int32Array;
};

/** Characters a haystack is built from before it is turned into a string, at most this many at once. */
const CODES_PER_CHUNK = 8192;

/**
 * The normalised text as one searchable string. Whitespace is skipped; a line break stays, and
 * since terms never contain one, matches stop at paragraphs. Most characters normalise to one
 * UTF-16 unit and take the table path (normalizeUnit); the rest go through normalizeChar.
 * Typed arrays sized from the text, not growing lists: every hit of every search passes here, and
 * the lists were most of its time and garbage (README, "Under load").
 */
function toSearchableText(text: string): SearchableText {
  const out = new SearchableBuilder(text.length);
  for (let index = 0; index < text.length; ) {
    const single = normalizeUnit(text.charCodeAt(index));
    if (single >= 0) {
      if (single === LINE_FEED || !isSpaceUnit(single)) out.addChar(index, index + 1, single);
      index++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
    for (const normalised of normalizeChar(char)) {
      if (normalised !== PARAGRAPH_BREAK && /\s/u.test(normalised)) continue;
      out.addChars(index, index + char.length, normalised);
    }
    index += char.length;
  }
  return out.finish();
}

/** Grows only when normalisation makes the text longer (a ligature or a squared word: ㍿ → 株式会社). */
class SearchableBuilder {
  private codes: Uint16Array;
  private unitAt: Int32Array;
  private unitStart: Int32Array;
  private unitEnd: Int32Array;
  private units = 0;
  private chars = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.unitAt = new Int32Array(capacity);
    this.unitStart = new Int32Array(capacity);
    this.unitEnd = new Int32Array(capacity);
  }

  addChar(start: number, end: number, code: number): void {
    if (this.units === this.codes.length) this.grow();
    this.unitAt[this.units] = this.chars;
    this.codes[this.units++] = code;
    this.unitStart[this.chars] = start;
    this.unitEnd[this.chars++] = end;
  }

  /** One searchable character of several UTF-16 units (outside the BMP). */
  addChars(start: number, end: number, units: string): void {
    for (let i = 0; i < units.length; i++) {
      if (this.units === this.codes.length) this.grow();
      this.unitAt[this.units] = this.chars;
      this.codes[this.units++] = units.charCodeAt(i);
    }
    if (this.chars === this.unitStart.length) this.grow();
    this.unitStart[this.chars] = start;
    this.unitEnd[this.chars++] = end;
  }

  finish(): SearchableText {
    let haystack = "";
    for (let at = 0; at < this.units; at += CODES_PER_CHUNK) {
      haystack += String.fromCharCode.apply(null, this.codes.subarray(at, Math.min(this.units, at + CODES_PER_CHUNK)) as unknown as number[]);
    }
    return { haystack, unitStart: this.unitStart.subarray(0, this.chars), unitEnd: this.unitEnd.subarray(0, this.chars), unitAt: this.unitAt.subarray(0, this.units) };
  }

  private grow(): void {
    const size = this.codes.length * 2 + 16;
    const widen = <T extends Uint16Array | Int32Array>(from: T, make: (n: number) => T): T => {
      const to = make(size);
      to.set(from);
      return to;
    };
    this.codes = widen(this.codes, (n) => new Uint16Array(n));
    this.unitAt = widen(this.unitAt, (n) => new Int32Array(n));
    this.unitStart = widen(this.unitStart, (n) => new Int32Array(n));
    this.unitEnd = widen(this.unitEnd, (n) => new Int32Array(n));
  }
}

const LINE_FEED = 0x0a;
/** Per BMP unit: 0 not yet known, 1 whitespace, 2 not. */
const spaceUnits = new Uint8Array(0x10000);

function isSpaceUnit(code: number): boolean {
  let known = spaceUnits[code]!;
  if (known === 0) {
    known = /\s/u.test(String.fromCharCode(code)) ? 1 : 2;
    spaceUnits[code] = known;
  }
  return known === 1;
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function toSegments(text: string, start: number, end: number, ranges: readonly MatchRange[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let cursor = start;
  for (const range of ranges) {
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (to <= from) continue;
    if (from > cursor) segments.push({ text: text.slice(cursor, from), match: false });
    segments.push({ text: text.slice(from, to), match: true });
    cursor = to;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor, end), match: false });
  return segments;
}

/**
 * A window of about `targetLength` around `range`, moved to start after a
 * nearby sentence break, never cutting another match in half (a partially
 * covered neighbour is left out rather than shown as a fragment) and never
 * reaching back before `minStart`, so snippets do not repeat text.
 */
function placeWindow(
  text: string,
  range: MatchRange,
  ranges: readonly MatchRange[],
  { targetLength, minStart }: { targetLength: number; minStart: number },
): MatchRange {
  const matchLength = range.end - range.start;
  const slack = Math.max(0, targetLength - matchLength);
  let start = Math.max(0, range.start - Math.floor(slack / 2));
  start = Math.max(0, Math.min(start, text.length - targetLength, range.start));
  start = Math.max(minStart, snapToSentence(text, start, range.start));
  let end = Math.max(range.end, Math.min(text.length, start + targetLength));
  for (const other of ranges) {
    if (other === range) continue;
    if (other.start < start && other.end > start) start = Math.min(other.end, range.start);
    if (other.start < end && other.end > end) end = Math.max(other.start, range.end);
  }
  return trimWindow(text, snapToCodePoint(text, start), snapToCodePoint(text, end));
}

/** Moves `start` just past a sentence break within SENTENCE_SNAP characters, but not past `limit`. */
function snapToSentence(text: string, start: number, limit: number): number {
  if (start === 0) return 0;
  let best: number | null = null;
  const from = Math.max(0, start - SENTENCE_SNAP);
  const to = Math.min(limit, start + SENTENCE_SNAP);
  for (let i = from; i < to; i++) {
    if (!SENTENCE_BREAK.test(text[i] ?? "")) continue;
    const candidate = i + 1;
    if (candidate > limit) break;
    if (best === null || Math.abs(candidate - start) < Math.abs(best - start)) best = candidate;
  }
  return best ?? start;
}

/** Keeps an index off the low half of a surrogate pair. */
function snapToCodePoint(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const previous = text.charCodeAt(index - 1);
  const isLow = code >= 0xdc00 && code <= 0xdfff;
  const afterHigh = previous >= 0xd800 && previous <= 0xdbff;
  return isLow && afterHigh ? index - 1 : index;
}

function trimWindow(text: string, start: number, end: number): MatchRange {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] ?? "")) from++;
  while (to > from && /\s/u.test(text[to - 1] ?? "")) to--;
  return { start: from, end: to };
}

function makeSnippet(text: string, window: MatchRange, ranges: readonly MatchRange[]): Snippet {
  return {
    segments: toSegments(text, window.start, window.end, ranges),
    start: window.start,
    end: window.end,
    leadingEllipsis: text.slice(0, window.start).trim() !== "",
    trailingEllipsis: text.slice(window.end).trim() !== "",
  };
}

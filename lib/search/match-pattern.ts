import { normalizeCompact } from "@/lib/text/normalize";
import { toMatchText } from "./exact-match";

/**
 * Terms found by a regular expression on the text as printed, without normalising it first.
 *
 * highlight.ts matches on a normalised copy of each hit's text (NFKC, Traditional → Simplified,
 * lower case, whitespace skipped) and maps the matches back. Building that copy was most of a
 * search's highlighting time: every character of every hit, 0.6 ms per search of 20 hits here.
 * Most texts need no copy: when each of their characters normalises to at most one character,
 * a term matches where, character by character, the text holds any character that normalises
 * to the term's, with whitespace allowed in between. That is one regular expression per term
 * (运输 → [运運]\s*[输輸], with every such variant), run by the engine's regex matcher.
 *
 * The exceptions are characters that normalise to several (㍿ → 株式会社, … → ...) and
 * characters outside the BMP. A text holding one that could take part in a match (its
 * normalised form shares a character with a term) is left to the normalising path; one that
 * cannot is only a barrier, as it is in the normalised copy.
 */

export type MatchRange = { start: number; end: number };

/** Per BMP code unit, what it becomes: which single unit, nothing, or several. */
type UnitTable = {
  /** Normalised unit → every unit that normalises to it alone. */
  variants: Map<number, number[]>;
  /** A character class body of the units that normalise to whitespace only (skipped, as line breaks are not). */
  skipped: string;
  /** Units that normalise to several units, with the units they become. */
  expanding: Array<{ unit: number; becomes: ReadonlySet<number> }>;
};

type TermPatterns = {
  patterns: RegExp[];
  /** Matches a unit this path cannot read for these terms: the normalising path must. */
  unreadable: RegExp;
};

let table: UnitTable | null = null;
const compiled = new Map<string, TermPatterns | null>();
/** Distinct term lists remembered; past this the memory starts over (a page's hits share one list). */
const MAX_COMPILED = 2000;

/**
 * Builds the unit table (about a quarter of a second: every BMP character normalised once), so
 * that a server's first search does not wait for it.
 */
export function warmUpMatchPatterns(): void {
  table ??= buildUnitTable();
}

/**
 * Every occurrence of `terms` in `text` (unmerged, overlapping ones included), as highlight.ts's
 * normalising path finds them; undefined when the text holds a character only that path can read.
 */
export function findRangesByPattern(text: string, terms: readonly string[]): MatchRange[] | undefined {
  const key = `terms:${terms.join("\u0000")}`;
  const patterns = compiled.has(key) ? compiled.get(key)! : compileNeedles(key, toNeedles(terms));
  if (patterns === null || text === "") return [];
  if (patterns.unreadable.test(text)) return undefined;
  const ranges: MatchRange[] = [];
  for (const pattern of patterns.patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      ranges.push({ start: match.index, end: match.index + match[0].length });
      // Overlapping occurrences count too (哈哈 twice in 哈哈哈), as in the normalising path.
      pattern.lastIndex = match.index + 1;
    }
  }
  return ranges;
}

/**
 * Whether `text` holds `needle`, a term already in matching form (exact-match.ts's toMatchTerm: it
 * is not normalised again, as normalising twice is not always the same as once: 薴 → 苧 → 苎);
 * undefined when only the normalising path can tell.
 */
export function containsByPattern(text: string, needle: string): boolean | undefined {
  const key = `needle:${needle}`;
  const patterns = compiled.has(key) ? compiled.get(key)! : compileNeedles(key, needle === "" ? [] : [needle]);
  if (patterns === null || text === "") return false;
  if (patterns.unreadable.test(text)) return undefined;
  return patterns.patterns.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** Terms in matching form as both paths look for them: normalised, whitespace removed, distinct, none empty. */
export function toNeedles(terms: readonly string[]): string[] {
  return [...new Set(terms.map((term) => normalizeCompact(term)))].filter((needle) => needle !== "");
}

/** `needles`: distinct, none empty (toNeedles). */
function compileNeedles(key: string, needles: readonly string[]): TermPatterns | null {
  const units = (table ??= buildUnitTable());
  let patterns: TermPatterns | null = null;
  if (needles.length > 0) {
    const used = new Set<number>();
    for (const needle of needles) for (let i = 0; i < needle.length; i++) used.add(needle.charCodeAt(i));
    const unreadable = units.expanding.filter(({ becomes }) => [...becomes].some((unit) => used.has(unit))).map(({ unit }) => unit);
    patterns = {
      patterns: needles.map((needle) => toPattern(needle, units)),
      unreadable: new RegExp(`[\\ud800-\\udfff${toClassBody(unreadable)}]`),
    };
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(key, patterns);
  return patterns;
}

/** One normalised term as a pattern over raw text: each unit any of its variants, whitespace between. */
function toPattern(needle: string, units: UnitTable): RegExp {
  const parts: string[] = [];
  for (let i = 0; i < needle.length; i++) {
    const variants = units.variants.get(needle.charCodeAt(i));
    // A unit nothing normalises to alone (half a surrogate pair, a part of an expansion) cannot match here.
    parts.push(variants ? `[${toClassBody(variants)}]` : "(?!)");
  }
  return new RegExp(parts.join(`[${units.skipped}]*`), "g");
}

function buildUnitTable(): UnitTable {
  const variants = new Map<number, number[]>();
  const skipped: number[] = [];
  const expanding: UnitTable["expanding"] = [];
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    // Its matching form: whitespace is skipped by matching; a line break is kept, and no term holds one.
    const form = toMatchText(String.fromCharCode(unit));
    const kept = Array.from({ length: form.length }, (_, i) => form.charCodeAt(i));
    const [only] = kept;
    if (only === undefined) skipped.push(unit);
    else if (kept.length === 1) {
      const list = variants.get(only);
      if (list) list.push(unit);
      else variants.set(only, [unit]);
    } else expanding.push({ unit, becomes: new Set(kept) });
  }
  return { variants, skipped: toClassBody(skipped), expanding };
}

/** Sorted units as the inside of a character class, runs as ranges, every unit escaped. */
function toClassBody(units: readonly number[]): string {
  const sorted = [...units].sort((a, b) => a - b);
  let body = "";
  for (let i = 0; i < sorted.length;) {
    let last = i;
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last]! + 1) last++;
    body += last > i ? `${toEscape(sorted[i]!)}-${toEscape(sorted[last]!)}` : toEscape(sorted[i]!);
    i = last + 1;
  }
  return body;
}

function toEscape(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, "0")}`;
}

import { normalizeChar } from "@/lib/text/normalize";

/**
 * What "a document contains a term" means, as plain string operations. This is
 * the promise the index makes and the one definition both the verifier (which
 * removes the engine's false positives) and the quality bench (which computes
 * ground truth by scanning the corpus) use:
 *
 * - text and term are normalised alike (NFKC, Traditional → Simplified, lower
 *   case; see lib/text/normalize.ts);
 * - whitespace is ignored on both sides (OCR breaks words with stray spaces), but
 *   a line break ends a paragraph and no match crosses it;
 * - fields are separate texts: a term never spans title and body;
 * - an unprefixed term looks in every searchable field, a `title:` term in the
 *   headline fields only, a `正文:` (body:) term in the body only.
 */

export type MatchScope = "any" | "title" | "body";

/** The stored fields a match is looked for in, by scope. `authors` holds author names. */
export const MATCH_SOURCE_FIELDS = {
  any: ["title", "kicker", "subtitle", "body", "authors"],
  title: ["title", "kicker", "subtitle"],
  body: ["body"],
} as const satisfies Record<MatchScope, readonly string[]>;
export type MatchSourceField = (typeof MATCH_SOURCE_FIELDS)["any"][number];

/** The raw searchable texts of a document; author names are separate paragraphs. */
export type MatchSource = {
  title: string;
  kicker?: string | null;
  subtitle?: string | null;
  body: string;
  authors: readonly string[];
};

const PARAGRAPH_BREAK = "\n";
const WHITESPACE = /\s/u;

/** Per original code point, its matching form; the verifier runs this over whole candidate bodies. */
const matchFormCache = new Map<string, string>();

function toMatchForm(char: string): string {
  const cached = matchFormCache.get(char);
  if (cached !== undefined) return cached;
  let form = "";
  for (const normalized of normalizeChar(char)) {
    if (normalized === PARAGRAPH_BREAK || !WHITESPACE.test(normalized)) form += normalized;
  }
  matchFormCache.set(char, form);
  return form;
}

/** A text in the form terms are looked for in: normalised, whitespace gone, paragraph breaks kept. */
export function toMatchText(original: string): string {
  let out = "";
  for (const char of original) out += toMatchForm(char);
  return out;
}

/** A query term in matching form: normalised, every whitespace removed. Empty when nothing is left. */
export function toMatchTerm(term: string): string {
  return toMatchText(term).replaceAll(PARAGRAPH_BREAK, "");
}

/** Raw field text of a source, author names one per paragraph. */
export function readSourceField(source: MatchSource, field: MatchSourceField): string {
  if (field === "authors") return source.authors.join(PARAGRAPH_BREAK);
  return source[field] ?? "";
}

/** Match texts of a source's fields (a scope's, or any list), computed once and reused for many terms. */
export function toMatchTexts(source: MatchSource, fields: MatchScope | readonly MatchSourceField[]): string[] {
  const list = typeof fields === "string" ? MATCH_SOURCE_FIELDS[fields] : fields;
  return list.map((field) => toMatchText(readSourceField(source, field)));
}

/** True when one of the match texts contains the (already normalised) term. */
export function matchTextsContain(matchTexts: readonly string[], matchTerm: string): boolean {
  if (matchTerm === "" || matchTerm.includes(PARAGRAPH_BREAK)) return false;
  return matchTexts.some((text) => text.includes(matchTerm));
}

/**
 * `A NEAR/n B`: some paragraph of one of the texts holds both terms with at most `distance`
 * characters between them (whitespace ignored, as everywhere), in either order; overlapping or
 * touching occurrences count as near.
 */
export function matchTextsNear(matchTexts: readonly string[], first: string, second: string, distance: number): boolean {
  if (first === "" || second === "") return false;
  for (const text of matchTexts) {
    for (const paragraph of text.split(PARAGRAPH_BREAK)) {
      const firsts = findAll(paragraph, first);
      if (firsts.length === 0) continue;
      const seconds = findAll(paragraph, second);
      for (const a of firsts) {
        for (const b of seconds) {
          const [end, start] = b >= a ? [a + first.length, b] : [b + second.length, a];
          // Characters, not UTF-16 units: a character outside the BMP counts once.
          // A gap of at most `distance` UTF-16 units holds at most that many characters: no need to count them.
          if (start - end <= distance || [...paragraph.slice(end, start)].length <= distance) return true;
        }
      }
    }
  }
  return false;
}

/** Start offsets (UTF-16) of every occurrence, overlapping ones included. */
function findAll(text: string, term: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) found.push(at);
  return found;
}

/** Convenience for one-off checks: does the source contain the raw term in this scope? */
export function sourceContainsTerm(source: MatchSource, term: string, scope: MatchScope): boolean {
  return matchTextsContain(toMatchTexts(source, scope), toMatchTerm(term));
}

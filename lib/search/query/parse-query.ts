/**
 * Parses what a reader types into the search box into a typed query.
 *
 * Syntax (everything else is literal text, including AND, TO, brackets,
 * backslashes, `12:30` and unknown `foo:bar` prefixes):
 * - whitespace (ASCII or full-width 　) separates terms, which are ANDed;
 * - "…", “…”, 「…」, 『…』 or ＂…＂ make one term of a phrase, inner spaces included;
 *   an unclosed quote runs to the end of the input (as Meilisearch does);
 * - a leading - (or －) excludes the term;
 * - OR (upper case, standalone) or | (｜) between terms: `A OR B C` = (A or B) and C;
 * - title:/标题: restricts a term to kicker, title and subtitle, body:/正文: to the
 *   body; author:/作者:
 *   matches an author name; `:` or `：`, Latin prefixes case-insensitive.
 * - `A NEAR/5 B` (or `A 近/5 B`, 1–50): both terms in one paragraph with at most 5
 *   characters between them, either order; a NEAR without a plain term on each side
 *   is ignored, and one with a distance outside 1–50 is an error that says so (as a
 *   literal word it would silently find nothing). `"A B"~5`, the proximity form of
 *   Lucene-style engines, means the same when the quotes hold exactly two words (a
 *   distance outside 1–50 is the same error); otherwise `~5` stays text as typed.
 * Inputs that mean nothing (a lone -, "", a dangling OR, `title:` without a
 * value) are ignored. The parser never throws: limits give a typed error.
 */

export const TERM_FIELDS = ["any", "title", "body", "author"] as const;
export type TermField = (typeof TERM_FIELDS)[number];

export type Term = {
  /** The term as typed (quotes and prefixes removed, ends trimmed). */
  text: string;
  field: TermField;
  negated: boolean;
  /** True when the term was quoted. */
  phrase: boolean;
  /** `A NEAR/n B`: this term (A) and `text` within `distance` characters of each other in one paragraph. */
  near?: { text: string; phrase: boolean; distance: number };
};

/** A disjunction: a document satisfies the clause when it satisfies any term. */
export type Clause = { anyOf: readonly Term[] };

/** Clauses are ANDed. No clauses means an empty query (browse everything). */
export type ParsedQuery = { clauses: readonly Clause[] };

export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_TERMS = 32;

export const QUERY_ERROR_CODES = {
  queryTooLong: "query_too_long",
  tooManyTerms: "too_many_terms",
  tooManyBranches: "too_many_branches",
  termTooLong: "term_too_long",
  nearDistance: "near_distance",
} as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[keyof typeof QUERY_ERROR_CODES];
export type QueryError = { code: QueryErrorCode; message: string };

export type ParseQueryResult = { ok: true; query: ParsedQuery } | { ok: false; error: QueryError };

const QUOTE_CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  "＂": "＂",
  "“": "”",
  "「": "」",
  "『": "』",
};
const NEGATION_MARKS = new Set(["-", "－"]);
const OR_MARKS = new Set(["|", "｜"]);
const OR_WORD = "OR";
const FIELD_PREFIX = /^(title|body|author|标题|正文|作者)[:：]/iu;
const FIELD_BY_PREFIX: Readonly<Record<string, TermField>> = {
  title: "title",
  标题: "title",
  body: "body",
  正文: "body",
  author: "author",
  作者: "author",
};

type Token = { kind: "term"; term: Term } | { kind: "or" } | { kind: "near"; distance: number } | { kind: "invalid"; error: QueryError };

/** `NEAR/5`, `near/5`, `近/5` (full-width slash and digits too); the distance is 1–50 characters. */
const NEAR_WORD = /^(?:NEAR|近)[/／]([0-9０-９]*)$/iu;
export const MAX_NEAR_DISTANCE = 50;

export function parseQuery(input: string): ParseQueryResult {
  const trimmed = input.trim();
  if ([...trimmed].length > MAX_QUERY_LENGTH) {
    return fail(QUERY_ERROR_CODES.queryTooLong, `查询过长（最多 ${MAX_QUERY_LENGTH} 个字符）`);
  }
  const tokens = tokenize(trimmed);
  const invalid = tokens.find((token) => token.kind === "invalid");
  if (invalid) return { ok: false, error: invalid.error };
  const clauses = groupClauses(joinNear(tokens.filter(isValidToken)));
  const termCount = clauses.reduce((count, clause) => count + clause.anyOf.length, 0);
  if (termCount > MAX_QUERY_TERMS) {
    return fail(QUERY_ERROR_CODES.tooManyTerms, `检索词过多（最多 ${MAX_QUERY_TERMS} 个）`);
  }
  return { ok: true, query: { clauses } };
}

function fail(code: QueryErrorCode, message: string): { ok: false; error: QueryError } {
  return { ok: false, error: { code, message } };
}

function isSpace(char: string): boolean {
  return /\s/u.test(char);
}

function tokenize(input: string): Token[] {
  const chars = [...input];
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < chars.length) {
    const char = chars[pos] ?? "";
    if (isSpace(char)) {
      pos++;
    } else if (OR_MARKS.has(char)) {
      tokens.push({ kind: "or" });
      pos++;
    } else {
      const read = readTerm(chars, pos);
      pos = read.end;
      if (read.token) tokens.push(read.token);
    }
  }
  return tokens;
}

/** Reads one term starting at `start`; `token` is null when the term turns out to be empty. */
function readTerm(chars: readonly string[], start: number): { token: Token | null; end: number } {
  let pos = start;
  const negated = NEGATION_MARKS.has(chars[pos] ?? "");
  if (negated) pos++;

  let field: TermField = "any";
  const prefix = FIELD_PREFIX.exec(chars.slice(pos, pos + 8).join(""));
  if (prefix) {
    field = FIELD_BY_PREFIX[(prefix[1] ?? "").toLowerCase()] ?? "any";
    pos += [...prefix[0]].length;
  }

  const closer = QUOTE_CLOSERS[chars[pos] ?? ""];
  if (closer !== undefined) {
    const close = chars.indexOf(closer, pos + 1);
    const end = close === -1 ? chars.length : close;
    const text = chars.slice(pos + 1, end).join("").trim();
    const slop = close === -1 ? null : readSlop(chars, close + 1, text, field, negated);
    if (slop) return slop;
    return { token: makeTermToken(text, field, negated, true), end: close === -1 ? end : end + 1 };
  }

  const end = findWordEnd(chars, pos);
  const word = chars.slice(pos, end).join("");
  if (word === OR_WORD && !negated && field === "any") return { token: { kind: "or" }, end };
  const near = NEAR_WORD.exec(word);
  if (near && !negated && field === "any") {
    const distance = readDistance(near[1] ?? "");
    if (distance >= 1 && distance <= MAX_NEAR_DISTANCE) return { token: { kind: "near", distance }, end };
    return { token: { kind: "invalid", error: toNearDistanceError(word) }, end };
  }
  return { token: makeTermToken(word, field, negated, false), end };
}

/** `~5` right after a closing quote (`～` and full-width digits too), up to a space, an OR mark or the end. */
const SLOP = /^[~～]([0-9０-９]+)$/u;

/**
 * `"A B"~n` read as `A NEAR/n B`: two words in the quotes, a distance of 1–50, and a term that
 * NEAR takes (not excluded, not an author); a distance outside 1–50 is an error, as for NEAR/n.
 * Anything else is null, and the quotes and `~n` read as they always have.
 */
function readSlop(chars: readonly string[], start: number, text: string, field: TermField, negated: boolean): { token: Token; end: number } | null {
  const end = findWordEnd(chars, start);
  const slop = SLOP.exec(chars.slice(start, end).join(""));
  const words = text.split(/\s+/u);
  if (!slop || words.length !== 2) return null;
  const distance = readDistance(slop[1] ?? "");
  const term: Term = { text: words[0]!, field, negated, phrase: false };
  if (!isNearOperand(term)) return null;
  if (distance < 1 || distance > MAX_NEAR_DISTANCE) return { token: { kind: "invalid", error: toNearDistanceError(slop[0]) }, end };
  return { token: { kind: "term", term: { ...term, near: { text: words[1]!, phrase: false, distance } } }, end };
}

function toNearDistanceError(typed: string): QueryError {
  return { code: QUERY_ERROR_CODES.nearDistance, message: `邻近距离须为 1–${MAX_NEAR_DISTANCE} 个字，如 NEAR/5（输入的是 ${typed}）` };
}

/** Where an unquoted word that starts at `start` ends: at a space, an OR mark or the end. */
function findWordEnd(chars: readonly string[], start: number): number {
  let end = start;
  while (end < chars.length && !isSpace(chars[end] ?? "") && !OR_MARKS.has(chars[end] ?? "")) end++;
  return end;
}

/** A distance as typed, full-width digits too. */
function readDistance(digits: string): number {
  return Number(digits.replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10)));
}

function makeTermToken(text: string, field: TermField, negated: boolean, phrase: boolean): Token | null {
  if (text === "") return null;
  return { kind: "term", term: { text, field, negated, phrase } };
}

type ValidToken = Exclude<Token, { kind: "invalid" }>;
type BoundToken = Extract<Token, { kind: "term" | "or" }>;

function isValidToken(token: Token): token is ValidToken {
  return token.kind !== "invalid";
}

/** Binds NEAR to its neighbours, two plain positive terms; any other NEAR is dropped. */
function joinNear(tokens: readonly ValidToken[]): BoundToken[] {
  const joined: BoundToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "near") continue;
    const near = tokens[i + 1];
    const right = tokens[i + 2];
    if (token.kind === "term" && near?.kind === "near" && right?.kind === "term" && isNearOperand(token.term) && isNearOperand(right.term)) {
      joined.push({ kind: "term", term: { ...token.term, near: { text: right.term.text, phrase: right.term.phrase, distance: near.distance } } });
      i += 2;
      continue;
    }
    joined.push(token);
  }
  return joined;
}

function isNearOperand(term: Term): boolean {
  return !term.negated && term.field !== "author" && term.near === undefined;
}

/** Binds OR to its neighbours; an OR with no term on one side is dropped. */
function groupClauses(tokens: readonly BoundToken[]): Clause[] {
  const groups: Term[][] = [];
  let pendingOr = false;
  for (const token of tokens) {
    if (token.kind === "or") {
      pendingOr = groups.length > 0;
      continue;
    }
    const last = groups[groups.length - 1];
    if (pendingOr && last) last.push(token.term);
    else groups.push([token.term]);
    pendingOr = false;
  }
  return groups.map((anyOf) => ({ anyOf }));
}

import { toMatchTerm, type MatchScope } from "@/lib/search/exact-match";
import { buildEqualsCondition, buildNotEqualsCondition, FILTER_ATTRIBUTES, joinAllOf, joinAnyOf } from "@/lib/search/filter";
import { CHAR_FIELDS, TITLE_CHAR_FIELDS, type CharField } from "@/lib/search/index-schema";
import { normalizeCompact } from "@/lib/text/normalize";
import { QUERY_ERROR_CODES, type ParsedQuery, type QueryError, type Term } from "./parse-query";

/**
 * Turns a parsed query into the Meilisearch searches that answer it.
 *
 * How to run a `CompiledQuery`:
 * - A document matches the query when it matches ANY branch (OR expanded into
 *   a disjunctive normal form, at most MAX_BRANCHES). One branch is the common
 *   case: one search. Several branches: one federated multi-search
 *   (`federation: {}`) with one query per branch; federation merges the hits
 *   into one ranked list and returns a document found by two branches once.
 * - A document matches a branch when it passes `branch.filter` (author terms;
 *   AND it with the user's facet filter) and EVERY step. Usually a branch has one step. It has more when
 *   1. it mixes title-only and anywhere terms: Meilisearch applies
 *      `attributesToSearchOn` to the whole `q`, so title terms get their own
 *      step over the title char fields; or
 *   2. it has more than 10 positive terms: Meilisearch reads only the first
 *      10 query words (a quoted phrase is one word), so positives go 10 per step.
 *   Steps are intersected by chaining: list one step's ids, then run the next
 *   with the ids as an extra filter, and so on; the last search returns the
 *   hits (lib/search/execute-query.ts). Step 0 carries the most terms and is the one to
 *   rank by, so run it last (its relevance is what the reader sees).
 * - Steps carry typed terms in matching form (lib/search/exact-match.ts),
 *   negatives first; lib/search/step-plan.ts spells them for the index. The
 *   engine stops reading the query once it has 10 positive terms and silently
 *   drops anything after, negatives included, so negatives are written first
 *   and do not count towards the 10.
 *
 * Meilisearch takes word adjacency from an index-wide table, so title:中国
 * can match a title with 中 and 国 apart while 中国 is in the body; the
 * executor verifies such terms (step-plan.ts), which keeps title steps exact.
 * The index must keep `proximityPrecision: "byWord"` for phrases to work.
 *
 * Unprefixed terms search every char field of the schema (authorsChars too,
 * so a bare name also finds bylines); title: terms search TITLE_CHAR_FIELDS, 正文: terms bodyChars.
 *
 * Author terms become filter conditions (`authors = "…"`, exact name match,
 * case-insensitive as Meilisearch compares strings). All author terms of one
 * OR group fold into a single alternative, so `author:甲 OR author:乙` does
 * not multiply branches.
 */

/** Where an unprefixed term is looked for: every char copy the schema makes searchable. */
const ANYWHERE_CHAR_FIELDS: readonly CharField[] = CHAR_FIELDS;
const SCOPE_CHAR_FIELDS: Readonly<Record<MatchScope, readonly CharField[]>> = { any: ANYWHERE_CHAR_FIELDS, title: TITLE_CHAR_FIELDS, body: ["bodyChars"] };

/** Meilisearch's limit on query words; later positive words are ignored. */
export const MAX_WORDS_PER_SEARCH = 10;
export const MAX_BRANCHES = 16;
/**
 * Meilisearch reads at most 1000 tokens of `q` (words and separators); a phrase
 * of n characters costs about 2n + 2. Kept well below so nothing is cut off.
 */
export const MAX_TOKENS_PER_SEARCH = 900;

/** A text term in matching form: normalised, whitespace-free, never empty. */
export type StepTerm = { matchTerm: string; negated: boolean; near?: NearTerm };
/** `A NEAR/n B`: the second term, which must occur within `distance` characters of the first in one paragraph. */
export type NearTerm = { matchTerm: string; distance: number };

export type CompiledStep = {
  /** Negatives first; empty for a placeholder search (filters only). */
  terms: readonly StepTerm[];
  scope: MatchScope;
  attributesToSearchOn: readonly CharField[];
};

export type CompiledBranch = {
  /** Never empty; every step must match. Step 0 is the one to rank by. */
  steps: readonly [CompiledStep, ...CompiledStep[]];
  /** Author conditions of this branch, to be ANDed with the facet filter; null when none. */
  filter: string | null;
};

export type CompiledQuery = {
  /** Never empty; a document matches when it matches any branch. */
  branches: readonly [CompiledBranch, ...CompiledBranch[]];
  /** Normalised, whitespace-free positive text terms, longest first, for highlighting. */
  highlightTerms: readonly string[];
};

export type CompileQueryResult = { ok: true; compiled: CompiledQuery } | { ok: false; error: QueryError };

/** One alternative of an OR group, in the form it takes in a search. */
type Alternative =
  | { kind: "phrase"; matchTerm: string; scope: MatchScope; negated: boolean; near?: NearTerm }
  | { kind: "filter"; condition: string };

type BranchParts = {
  phrases: Extract<Alternative, { kind: "phrase" }>[];
  conditions: string[];
};

export function compileQuery(query: ParsedQuery): CompileQueryResult {
  const groups = query.clauses
    .map((clause) => toAlternatives(clause.anyOf))
    .filter((alternatives) => alternatives.length > 0);

  let branchCount = 1;
  for (const alternatives of groups) {
    branchCount *= alternatives.length;
    if (branchCount > MAX_BRANCHES) {
      return fail(QUERY_ERROR_CODES.tooManyBranches, `OR 组合过多（展开后最多 ${MAX_BRANCHES} 种），请减少 OR 的使用`);
    }
  }

  const branches: CompiledBranch[] = [];
  for (const parts of expandBranches(groups)) {
    const steps = buildSteps(parts.phrases);
    if (!steps) {
      return fail(QUERY_ERROR_CODES.termTooLong, "检索词过长，请缩短后再试");
    }
    branches.push({ steps, filter: joinAllOf(parts.conditions) });
  }
  const [first, ...rest] = branches;
  // Unreachable: expansion starts from one empty branch and every group is non-empty.
  if (!first) throw new Error("compileQuery: expansion produced no branch");
  return { ok: true, compiled: { branches: [first, ...rest], highlightTerms: collectHighlightTerms(query) } };
}

function fail(code: QueryError["code"], message: string): { ok: false; error: QueryError } {
  return { ok: false, error: { code, message } };
}

function toAlternatives(terms: readonly Term[]): Alternative[] {
  const alternatives: Alternative[] = [];
  const seen = new Set<string>();
  const authorConditions: string[] = [];
  for (const term of terms) {
    if (term.field === "author") {
      const build = term.negated ? buildNotEqualsCondition : buildEqualsCondition;
      authorConditions.push(build(FILTER_ATTRIBUTES.authors, term.text));
      continue;
    }
    const nearTerm = term.near ? toMatchTerm(term.near.text) : "";
    // A NEAR with one side empty after normalisation is just the other term.
    const matchTerm = toMatchTerm(term.text) || nearTerm;
    if (matchTerm === "") continue;
    const near = term.near && nearTerm && matchTerm !== nearTerm ? { matchTerm: nearTerm, distance: term.near.distance } : undefined;
    const scope: MatchScope = term.field === "title" || term.field === "body" ? term.field : "any";
    const key = `${scope}|${term.negated}|${matchTerm}|${near ? `${near.distance}|${near.matchTerm}` : ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    alternatives.push({ kind: "phrase", matchTerm, scope, negated: term.negated, ...(near ? { near } : {}) });
  }
  const authorCondition = joinAnyOf([...new Set(authorConditions)]);
  if (authorCondition !== null) alternatives.push({ kind: "filter", condition: authorCondition });
  return alternatives;
}

/** The cartesian product of the OR groups: one entry per conjunctive branch. */
function expandBranches(groups: readonly Alternative[][]): BranchParts[] {
  let branches: BranchParts[] = [{ phrases: [], conditions: [] }];
  for (const alternatives of groups) {
    branches = branches.flatMap((branch) =>
      alternatives.map((alternative) =>
        alternative.kind === "phrase"
          ? { phrases: [...branch.phrases, alternative], conditions: branch.conditions }
          : { phrases: branch.phrases, conditions: [...branch.conditions, alternative.condition] },
      ),
    );
  }
  return branches;
}

/** Null when a single phrase is too long to fit in one search. */
function buildSteps(phrases: BranchParts["phrases"]): CompiledBranch["steps"] | null {
  const steps: { step: CompiledStep; positives: number }[] = [];
  for (const scope of ["any", "title", "body"] as const) {
    const inScope = phrases.filter((phrase) => phrase.scope === scope);
    const terms = [...inScope.filter((phrase) => phrase.negated), ...inScope.filter((phrase) => !phrase.negated)];
    const chunks = chunkTerms(terms.map(({ matchTerm, negated, near }) => ({ matchTerm, negated, ...(near ? { near } : {}) })));
    if (!chunks) return null;
    const attributesToSearchOn = SCOPE_CHAR_FIELDS[scope];
    for (const chunk of chunks) {
      steps.push({ step: { terms: chunk.terms, scope, attributesToSearchOn }, positives: chunk.positives });
    }
  }
  // The step with the most positive terms ranks best; negative-only steps only exclude.
  steps.sort((a, b) => b.positives - a.positives);
  const [first, ...rest] = steps.map(({ step }) => step);
  return [first ?? { terms: [], scope: "any", attributesToSearchOn: ANYWHERE_CHAR_FIELDS }, ...rest];
}

type Chunk = { terms: StepTerm[]; positives: number; tokens: number };

/**
 * Splits one scope's terms (negatives first) into queries of at most
 * MAX_WORDS_PER_SEARCH positives and MAX_TOKENS_PER_SEARCH tokens.
 */
function chunkTerms(terms: readonly StepTerm[]): Chunk[] | null {
  const chunks: Chunk[] = [];
  let current: Chunk = { terms: [], positives: 0, tokens: 0 };
  for (const term of terms) {
    const cost = estimateTokens(term.matchTerm) + (term.near ? estimateTokens(term.near.matchTerm) : 0);
    if (cost > MAX_TOKENS_PER_SEARCH) return null;
    // A NEAR pair is two query words, kept in one search so the engine finds both.
    const words = term.negated ? 0 : term.near ? 2 : 1;
    const full = current.positives + words > MAX_WORDS_PER_SEARCH || current.tokens + cost > MAX_TOKENS_PER_SEARCH;
    if (full && current.terms.length > 0) {
      chunks.push(current);
      current = { terms: [], positives: 0, tokens: 0 };
    }
    current.terms.push(term);
    current.tokens += cost;
    current.positives += words;
  }
  if (current.terms.length > 0) chunks.push(current);
  return chunks;
}

/** A term is sent as a quoted phrase of one token per character, with a separator between tokens. */
function estimateTokens(matchTerm: string): number {
  return 2 * [...matchTerm].length + 2;
}

function collectHighlightTerms(query: ParsedQuery): string[] {
  const terms = new Set<string>();
  for (const clause of query.clauses) {
    for (const term of clause.anyOf) {
      if (term.negated || term.field === "author") continue;
      for (const text of [term.text, term.near?.text ?? ""]) {
        const normalized = normalizeCompact(text);
        if (normalized !== "") terms.add(normalized);
      }
    }
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

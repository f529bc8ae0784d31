import { cutWords } from "@/lib/segment/jieba";
import { countArticles } from "@/lib/search/count-articles";
import { parseQuery, type Clause } from "@/lib/search/query/parse-query";
import { renderClauses } from "@/lib/search/query/render-query";
import type { SearchRequest } from "@/lib/search/search-request";
import { listVariantForms } from "@/lib/text/variant-forms";

/**
 * When a query finds nothing: nearby queries that would, each with how many
 * articles it finds (same filters). Candidates spell a term in its other variant
 * form (异形词 such as 惟一/唯一; Traditional and Simplified are folded already), drop
 * one part of the query, or split a long term into the words jieba finds in it (all
 * of them, then each alone, longest first). Only candidates that find something are offered.
 */

export type QuerySuggestion = { q: string; count: number; kind: "variant" | "drop" | "split" };

const MAX_CANDIDATES = 6;
const MAX_SUGGESTIONS = 4;
const SPLIT_FROM_LENGTH = 4;

export function listSuggestionCandidates(q: string): Array<Omit<QuerySuggestion, "count">> {
  const parsed = parseQuery(q);
  if (!parsed.ok) return [];
  const clauses = parsed.query.clauses;
  const candidates: Array<Omit<QuerySuggestion, "count">> = [];
  const add = (kind: QuerySuggestion["kind"], next: readonly Clause[]) => {
    const text = renderClauses(next);
    // A query of only exclusions finds nearly everything: that is not a suggestion.
    if (!next.some((clause) => clause.anyOf.some((term) => !term.negated))) return;
    if (text && text !== q.trim() && !candidates.some((candidate) => candidate.q === text)) candidates.push({ q: text, kind });
  };
  clauses.forEach((clause, i) =>
    clause.anyOf.forEach((term, k) => {
      if (term.negated || term.field === "author") return;
      for (const form of listVariantForms(term.text)) {
        const anyOf = clause.anyOf.map((other, m) => (m === k ? { ...other, text: form } : other));
        add("variant", clauses.map((other, j) => (j === i ? { anyOf } : other)));
      }
    }),
  );
  if (clauses.length > 1) clauses.forEach((_, i) => add("drop", clauses.filter((__, j) => j !== i)));
  clauses.forEach((clause, i) => {
    const [term] = clause.anyOf;
    if (clause.anyOf.length !== 1 || !term || term.negated || [...term.text].length < SPLIT_FROM_LENGTH) return;
    const words = cutWords(term.text).filter((word) => [...word.trim()].length >= 2);
    if (words.length < 2) return;
    const splitInto = (parts: readonly string[]): Clause[] =>
      clauses.flatMap((other, j) => (j === i ? parts.map((word) => ({ anyOf: [{ ...term, text: word, phrase: false }] })) : [other]));
    add("split", splitInto(words));
    for (const word of [...words].sort((a, b) => b.length - a.length)) add("split", splitInto([word]));
  });
  return candidates.slice(0, MAX_CANDIDATES);
}

/** `version`: the index version of the caller's page, which the counts are filed under (countArticles). */
export async function suggestQueries(request: SearchRequest, { version }: { version?: string } = {}): Promise<QuerySuggestion[]> {
  const candidates = listSuggestionCandidates(request.q);
  const counted = await Promise.all(
    candidates.map(async (candidate) => ({ ...candidate, count: (await countArticles({ ...request, q: candidate.q, page: 1 }, [], undefined, { version })).total })),
  );
  return counted.filter((suggestion) => suggestion.count > 0).slice(0, MAX_SUGGESTIONS);
}

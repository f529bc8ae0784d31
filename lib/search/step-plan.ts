import { toCodedPhrase } from "./coded-chars";
import { CODED_LOCALES, type EngineSearch } from "./engine-search";
import { MATCH_SOURCE_FIELDS } from "./exact-match";
import { toSearchOnCharFields } from "./index-schema";
import type { CompiledStep } from "./query/compile-query";
import type { CheckTerm } from "./term-verifier";
import { toWholeWordToken, WORD_FIELD } from "./whole-words";

/**
 * How one compiled step is run against the coded index, and which of its
 * terms the engine cannot decide alone (see execute-query.ts for why).
 */

/**
 * A step as the engine runs it: coded phrases for every term except negated
 * ones that need verification, plus what must be verified on the candidates.
 * A lone positive term that is one jieba word also carries its word token,
 * which only orders the results (whole-words.ts).
 */
export type StepPlan = {
  search: EngineSearch;
  /** The step's phrases without the ranking word token: what its candidates are listed by. */
  candidateQuery: { q: string; attributesToSearchOn: readonly string[] };
  /** More than one phrase must match: candidates of the whole step are fewer than of a term alone. */
  narrows: boolean;
  positiveChecks: CheckTerm[];
  negativeChecks: CheckTerm[];
};

export function planStep(step: CompiledStep, { rank = true }: { rank?: boolean } = {}): StepPlan {
  const fields = [...MATCH_SOURCE_FIELDS[step.scope]];
  const oneFieldGroup = step.scope !== "any";
  const negatives: string[] = [];
  const positives: string[] = [];
  const positiveChecks: CheckTerm[] = [];
  const negativeChecks: CheckTerm[] = [];
  for (const { matchTerm, negated, near } of step.terms) {
    if (near) {
      // Both terms must be present for the engine; how far apart they are, only the verifier can tell.
      positives.push(toCodedPhrase(matchTerm), toCodedPhrase(near.matchTerm));
      positiveChecks.push({ matchTerm, fields, near });
      continue;
    }
    const verify = needsVerification(matchTerm, oneFieldGroup);
    const check = { matchTerm, fields };
    if (negated && verify) negativeChecks.push(check);
    else if (negated) negatives.push(`-${toCodedPhrase(matchTerm)}`);
    else {
      positives.push(toCodedPhrase(matchTerm));
      if (verify) positiveChecks.push(check);
    }
  }
  const wordToken = rank ? findRankingWordToken(step) : null;
  const charFields = toSearchOnCharFields(step.attributesToSearchOn);
  return {
    candidateQuery: { q: [...negatives, ...positives].join(" "), attributesToSearchOn: charFields },
    // A NEAR pair is one check whose own candidates already need both phrases: it narrows nothing by itself.
    narrows: negatives.length + positives.length - step.terms.filter((term) => term.near).length > 1,
    // Negatives first: the engine stops reading after 10 positive words.
    search: {
      q: [...negatives, ...positives, ...(wordToken ? [wordToken] : [])].join(" "),
      // Patterns: a long text continues in chunk fields (bodyChars.c1, …) that plain names miss (coded-chunks.ts).
      attributesToSearchOn: [...charFields, ...(wordToken ? [WORD_FIELD] : [])],
      // "all" keeps AND exact. With a word token, "last" may drop only the token: the phrase, first, stays required.
      matchingStrategy: wordToken ? "last" : "all",
      locales: CODED_LOCALES,
    },
    positiveChecks,
    negativeChecks,
  };
}

/**
 * Only a step with exactly one positive term, searched everywhere, ranks by
 * whole words: with two phrases "last" could drop the second and break AND.
 */
function findRankingWordToken(step: CompiledStep): string | null {
  if (step.scope !== "any") return null;
  const positives = step.terms.filter((term) => !term.negated);
  const [only] = positives;
  return positives.length === 1 && only && !only.near ? toWholeWordToken(only.matchTerm) : null;
}

/**
 * Whether the engine's answer for a term can contain documents without it.
 * Two characters anywhere are one adjacent pair; a lone character in headline
 * fields is a word looked up in those fields only.
 */
function needsVerification(matchTerm: string, oneFieldGroup: boolean): boolean {
  const length = [...matchTerm].length;
  // Pairs are index-wide: restricted to some fields, even two characters may be adjacent only elsewhere.
  return oneFieldGroup ? length >= 2 : length >= 3;
}

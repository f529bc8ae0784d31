/**
 * Reads the terms back out of a compiled step's `q`. compile-query writes each
 * term as a quoted phrase of char tokens (`-"某 某" "2 zzie 5"`, see
 * char-tokens.ts): a token is one letter or digit, or `zz` + the code point in
 * hex with the digits 0–9 spelled g–p. That spelling is lossless, so the
 * executor can recover every term in matching form, decide how to run and
 * verify it, and spell it the way the index is written.
 */

export type StepTerm = {
  /** Normalised, whitespace-free term, as lib/search/exact-match.ts compares. */
  matchTerm: string;
  negated: boolean;
};

const PHRASE = /(-?)"([^"]*)"/gu;
const MARKER = /^zz([a-p]+)$/u;
const HEX_DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  g: "0", h: "1", i: "2", j: "3", k: "4", l: "5", m: "6", n: "7", o: "8", p: "9",
};

export function readStepTerms(q: string): StepTerm[] {
  if (q.replace(PHRASE, "").trim() !== "") {
    throw new Error(`readStepTerms: unexpected compiled query ${JSON.stringify(q)}`);
  }
  const terms: StepTerm[] = [];
  for (const [, minus, body] of q.matchAll(PHRASE)) {
    const matchTerm = (body ?? "").split(" ").filter((token) => token !== "").map(decodeToken).join("");
    if (matchTerm !== "") terms.push({ matchTerm, negated: minus === "-" });
  }
  return terms;
}

function decodeToken(token: string): string {
  if ([...token].length === 1) return token;
  const marker = MARKER.exec(token);
  if (!marker) throw new Error(`readStepTerms: unknown token ${JSON.stringify(token)}`);
  const hex = (marker[1] ?? "").replace(/[g-p]/gu, (letter) => HEX_DIGIT_FOR_LETTER[letter] ?? letter);
  return String.fromCodePoint(Number.parseInt(hex, 16));
}

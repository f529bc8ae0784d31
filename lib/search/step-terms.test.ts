import { describe, expect, it } from "vitest";
import { toCharPhrase } from "./char-tokens";
import { toMatchTerm } from "./exact-match";
import { readStepTerms } from "./step-terms";

describe("readStepTerms", () => {
  it("recovers each compiled phrase as the term in matching form", () => {
    const terms = ["小微", "2691.06亿元", "PM2.5", "醫院", "开 心", "12%", "𠮷野家"];
    const q = terms.map((term) => toCharPhrase(term)).join(" ");
    expect(readStepTerms(q).map((term) => term.matchTerm)).toEqual(terms.map(toMatchTerm));
  });

  it("keeps negation and ignores an empty step", () => {
    expect(readStepTerms(`-${toCharPhrase("某某")} ${toCharPhrase("中国")}`)).toEqual([
      { matchTerm: "某某", negated: true },
      { matchTerm: "中国", negated: false },
    ]);
    expect(readStepTerms("")).toEqual([]);
  });

  it("refuses a query it does not understand instead of guessing", () => {
    expect(() => readStepTerms("中国")).toThrow();
    expect(() => readStepTerms('"zzbr"')).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { toCodedPhrase } from "./coded-chars";
import { planStep } from "./step-plan";
import { CHAR_FIELDS, TITLE_CHAR_FIELDS, toSearchOnCharFields } from "./index-schema";
import { compileQuery, type CompiledStep } from "./query/compile-query";
import { parseQuery } from "./query/parse-query";
import { encodeWord, WORD_FIELD } from "./whole-words";

function stepsOf(q: string): readonly CompiledStep[] {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const compiled = compileQuery(parsed.query);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.compiled.branches[0].steps;
}

describe("planStep", () => {
  it("verifies terms of three or more characters, trusts the engine for shorter ones", () => {
    const [step] = stepsOf("国人民 小微 国");
    const plan = planStep(step as CompiledStep);
    expect(plan.positiveChecks.map((check) => check.matchTerm)).toEqual(["国人民"]);
    expect(plan.search.q).toBe([toCodedPhrase("国人民"), toCodedPhrase("小微"), toCodedPhrase("国")].join(" "));
    expect(plan.search.attributesToSearchOn).toEqual(toSearchOnCharFields(CHAR_FIELDS));
  });

  it("verifies title terms from two characters, in the headline fields only", () => {
    const steps = stepsOf("title:中国 经济");
    const titleStep = steps.find((step) => step.attributesToSearchOn.length === TITLE_CHAR_FIELDS.length);
    const plan = planStep(titleStep as CompiledStep);
    expect(plan.positiveChecks).toEqual([{ matchTerm: "中国", fields: ["title", "kicker", "subtitle"] }]);
  });

  it("takes negated terms that need verification out of the engine query", () => {
    const [step] = stepsOf("经济 -国人民 -续篇");
    const plan = planStep(step as CompiledStep);
    expect(plan.negativeChecks.map((check) => check.matchTerm)).toEqual(["国人民"]);
    expect(plan.search.q).toBe(`-${toCodedPhrase("续篇")} ${toCodedPhrase("经济")} ${encodeWord("经济")}`);
  });

  it("ranks a lone term that is one jieba word by its word token, keeping the phrase first and required", () => {
    const [step] = stepsOf("华人");
    const plan = planStep(step as CompiledStep);
    expect(plan.search.q).toBe(`${toCodedPhrase("华人")} ${encodeWord("华人")}`);
    expect(plan.search.matchingStrategy).toBe("last");
    expect(plan.search.attributesToSearchOn).toEqual([...toSearchOnCharFields(CHAR_FIELDS), WORD_FIELD]);
  });

  it("keeps AND strict: no word token with two terms, in title steps, or for a term that is not one word", () => {
    for (const query of ["华人 社区", "title:华人", "国人民", "华"]) {
      const [step] = stepsOf(query);
      const plan = planStep(step as CompiledStep);
      expect(plan.search.matchingStrategy, query).toBe("all");
      expect(plan.search.attributesToSearchOn, query).not.toContain(WORD_FIELD);
    }
  });
});

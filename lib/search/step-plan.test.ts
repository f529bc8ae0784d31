import { describe, expect, it } from "vitest";
import { toCodedPhrase } from "./coded-chars";
import { planStep } from "./step-plan";
import { CHAR_FIELDS, TITLE_CHAR_FIELDS } from "./index-schema";
import { compileQuery, type CompiledStep } from "./query/compile-query";
import { parseQuery } from "./query/parse-query";

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
    expect(plan.search.attributesToSearchOn).toEqual([...CHAR_FIELDS]);
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
    expect(plan.search.q).toBe(`-${toCodedPhrase("续篇")} ${toCodedPhrase("经济")}`);
  });
});

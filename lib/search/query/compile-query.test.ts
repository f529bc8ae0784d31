import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAR_FIELDS, TITLE_CHAR_FIELDS } from "@/lib/search/index-schema";
import {
  compileQuery,
  MAX_BRANCHES,
  MAX_WORDS_PER_SEARCH,
  type CompiledQuery,
  type CompiledStep,
} from "./compile-query";
import { parseQuery, QUERY_ERROR_CODES } from "./parse-query";

function compile(input: string): CompiledQuery {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const compiled = compileQuery(parsed.query);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.compiled;
}

/** A step as its terms in order, negated ones with a leading "-". */
function spell(step: CompiledStep): string {
  return step.terms.map((term) => `${term.negated ? "-" : ""}${term.matchTerm}`).join(" ");
}

/** Branches as [terms per step, filter], the shape worth reading in a table. */
function summarize(compiled: CompiledQuery) {
  return compiled.branches.map((branch) => ({ qs: branch.steps.map(spell), filter: branch.filter }));
}

describe("compileQuery", () => {
  const cases: Array<[string, string, ReturnType<typeof summarize>]> = [
    ["empty query is a placeholder search", "", [{ qs: [""], filter: null }]],
    ["one term", "小微", [{ qs: ["小微"], filter: null }]],
    ["terms are ANDed phrases", "小微 企业", [{ qs: ["小微 企业"], filter: null }]],
    ["negatives come first", "小微 -某某 企业", [{ qs: ["-某某 小微 企业"], filter: null }]],
    ["negative phrase only", '-"某 某"', [{ qs: ["-某某"], filter: null }]],
    ["punctuation stays part of the term", 'a"b', [{ qs: ['a"b'], filter: null }]],
    ["Traditional and full width are normalised", "醫院 ＰＭ２．５", [{ qs: ["医院 pm2.5"], filter: null }]],
    [
      "OR expands into branches",
      "A OR B C",
      [
        { qs: ["a c"], filter: null },
        { qs: ["b c"], filter: null },
      ],
    ],
    ["duplicate alternatives collapse", "A OR A", [{ qs: ["a"], filter: null }]],
    ["author term is a filter", "author:李静 小微", [{ qs: ["小微"], filter: 'authors = "李静"' }]],
    ["negated author", "-作者:李静", [{ qs: [""], filter: 'authors != "李静"' }]],
    [
      "author alternatives fold into one filter",
      "author:李静 OR author:王昊男",
      [{ qs: [""], filter: '(authors = "李静" OR authors = "王昊男")' }],
    ],
    [
      "two author clauses are ANDed",
      "author:甲 author:乙",
      [{ qs: [""], filter: 'authors = "甲" AND authors = "乙"' }],
    ],
    [
      "author OR text gives two branches",
      "author:李静 OR 小微",
      [
        { qs: ["小微"], filter: null },
        { qs: [""], filter: 'authors = "李静"' },
      ],
    ],
    ["author value is escaped", 'author:李"静\\', [{ qs: [""], filter: 'authors = "李\\"静\\\\"' }]],
    ["title term gets its own step", "title:小微 企业", [{ qs: ["企业", "小微"], filter: null }]],
    ["title-only query has one step", "标题:小微 -标题:某某", [{ qs: ["-某某 小微"], filter: null }]],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    expect(summarize(compile(input))).toEqual(expected);
  });

  it("searches title terms on the title char fields only and other terms everywhere", () => {
    const [branch] = compile("title:小微 企业").branches;
    expect(branch?.steps.map((step) => step.attributesToSearchOn)).toEqual([CHAR_FIELDS, TITLE_CHAR_FIELDS]);
    expect(branch?.steps.map((step) => step.scope)).toEqual(["any", "title"]);
  });

  it("ranks by the step with the most terms and leaves negative-only steps last", () => {
    const [branch] = compile("title:甲 title:乙 丙 -丁").branches;
    expect(branch?.steps.map(spell)).toEqual(["甲 乙", "-丁 丙"]);
    const [negativeOnly] = compile("title:甲 -丁").branches;
    expect(negativeOnly?.steps.map(spell)).toEqual(["甲", "-丁"]);
  });

  it("splits more than 10 positive terms into chained steps, negatives in the first", () => {
    const words = Array.from({ length: 23 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    const [branch] = compile(`${words.join(" ")} -某`).branches;
    const steps = branch?.steps ?? [];
    expect(steps.map(countPositives)).toEqual([10, 10, 3]);
    expect(steps[0]?.terms[0]).toEqual({ matchTerm: "某", negated: true });
    expect(steps.slice(1).every((step) => step.terms.every((term) => !term.negated))).toBe(true);
    const positives = steps.flatMap((step) => step.terms.filter((term) => !term.negated).map((term) => term.matchTerm));
    expect(positives).toEqual(words);
  });

  it("allows up to MAX_BRANCHES branches and rejects more with a typed error", () => {
    const fourGroups = "a|b c|d e|f g|h";
    expect(compile(fourGroups).branches).toHaveLength(MAX_BRANCHES);
    const parsed = parseQuery(`${fourGroups} i|j`);
    if (!parsed.ok) throw new Error("parse failed");
    const result = compileQuery(parsed.query);
    expect(result).toMatchObject({ ok: false, error: { code: QUERY_ERROR_CODES.tooManyBranches } });
    if (!result.ok) expect(result.error.message).toContain("OR 组合过多");
  });

  it("does not multiply branches for author-only OR groups", () => {
    expect(compile("author:甲|author:乙 author:丙|author:丁 a|b c|d e|f g|h").branches).toHaveLength(16);
  });

  it("lists normalised, whitespace-free positive terms for highlighting, longest first", () => {
    expect(compile('醫院 "開 心" -某某 author:李静 title:小微企业 小微').highlightTerms).toEqual([
      "小微企业",
      "医院",
      "开心",
      "小微",
    ]);
  });

  it("keeps every step within Meilisearch's limits and free of user-controlled syntax (property)", () => {
    const piece = fc.constantFrom('"', "“", "”", "-", "OR", "|", "title:", "author:", "作者：", " ", "小", "微", "企业", "\\", "(", "AND");
    const input = fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(input, (text) => {
        const parsed = parseQuery(text);
        if (!parsed.ok) return;
        const result = compileQuery(parsed.query);
        if (!result.ok) {
          expect(Object.values(QUERY_ERROR_CODES)).toContain(result.error.code);
          return;
        }
        expect(result.compiled.branches.length).toBeLessThanOrEqual(MAX_BRANCHES);
        for (const branch of result.compiled.branches) {
          for (const step of branch.steps) {
            // Terms in matching form only: non-empty, whitespace-free; negatives before positives.
            for (const term of step.terms) expect(term.matchTerm).toMatch(/^\S+$/u);
            expect(countPositives(step)).toBeLessThanOrEqual(MAX_WORDS_PER_SEARCH);
            const firstPositive = step.terms.findIndex((term) => !term.negated);
            if (firstPositive >= 0) expect(step.terms.slice(firstPositive).every((term) => !term.negated)).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

function countPositives(step: CompiledStep): number {
  return step.terms.filter((term) => !term.negated).length;
}

describe("proximity", () => {
  it("sends both terms to the engine in one step and highlights both", () => {
    const parsed = parseQuery("春运 NEAR/5 铁路 民航");
    if (!parsed.ok) throw new Error("parse");
    const compiled = compileQuery(parsed.query);
    if (!compiled.ok) throw new Error("compile");
    const [branch] = compiled.compiled.branches;
    expect(branch.steps).toHaveLength(1);
    expect(branch.steps[0].terms).toEqual([
      { matchTerm: "春运", negated: false, near: { matchTerm: "铁路", distance: 5 } },
      { matchTerm: "民航", negated: false },
    ]);
    expect([...compiled.compiled.highlightTerms].sort()).toEqual(["春运", "民航", "铁路"]);
  });

  it("keeps a NEAR pair within one search when ten words would split it", () => {
    const parsed = parseQuery("一一 二二 三三 四四 五五 六六 七七 八八 九九 春运 NEAR/5 铁路");
    if (!parsed.ok) throw new Error("parse");
    const compiled = compileQuery(parsed.query);
    if (!compiled.ok) throw new Error("compile");
    const steps = compiled.compiled.branches[0].steps;
    expect(steps).toHaveLength(2);
    expect(steps.some((step) => step.terms.some((term) => term.near?.matchTerm === "铁路"))).toBe(true);
    for (const step of steps) expect(step.terms.reduce((words, term) => words + (term.near ? 2 : 1), 0)).toBeLessThanOrEqual(10);
  });
});

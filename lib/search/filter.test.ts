import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildFilter,
  buildIdInCondition,
  FILTER_ERROR_CODES,
  joinAllOf,
  quoteFilterValue,
  toAuthorRoleValue,
  toDayNumber,
  type FilterValues,
} from "./filter";

function filterOf(values: FilterValues): string | null {
  const result = buildFilter(values);
  if (!result.ok) throw new Error(result.error.message);
  return result.filter;
}

describe("buildFilter", () => {
  const cases: Array<[string, FilterValues, string | null]> = [
    ["nothing selected", {}, null],
    ["empty lists", { authors: [], topics: [], pages: [] }, null],
    ["one author", { authors: ["王昊男"] }, 'authors = "王昊男"'],
    ["values of one facet are ORed", { columns: ["要闻", "评论"] }, '(column = "要闻" OR column = "评论")'],
    ["duplicates are dropped", { sources: ["人民日报", "人民日报"] }, 'source = "人民日报"'],
    [
      "facets are ANDed",
      { authors: ["甲", "乙"], topics: ["经济"], sources: ["人民日报"] },
      '(authors = "甲" OR authors = "乙") AND topics = "经济" AND source = "人民日报"',
    ],
    [
      "role:name pairs and bare roles",
      { roles: [toAuthorRoleValue("记者", "王昊男")], roleNames: ["记者"] },
      'authorRoles = "记者:王昊男" AND roles = "记者"',
    ],
    ["pages are numbers", { pages: [1, 4] }, "(page = 1 OR page = 4)"],
    ["one edition", { pages: [4] }, "page = 4"],
    ["duplicate editions are dropped", { pages: [5, 5, 4] }, "(page = 5 OR page = 4)"],
    [
      "editions are ANDed with other facets",
      { sources: ["人民日报"], pages: [4, 5], dateFrom: "2023-01-01" },
      'dateDay >= 19358 AND source = "人民日报" AND (page = 4 OR page = 5)',
    ],
    ["date range", { dateFrom: "2023-01-01", dateTo: "2023-01-31" }, "dateDay 19358 TO 19388"],
    ["date from only", { dateFrom: "1970-01-02" }, "dateDay >= 1"],
    ["date to only", { dateTo: "1969-12-31" }, "dateDay <= -1"],
    ["empty date strings are ignored", { dateFrom: "", dateTo: "" }, null],
    ["quote and OR inside a value stay inside", { columns: ['a" OR source = "x'] }, 'column = "a\\" OR source = \\"x"'],
    ["backslash at the end cannot eat the closing quote", { topics: ["a\\"] }, 'topics = "a\\\\"'],
    ["newline, brackets and TO are plain text", { columns: ["1 TO 2\n(x)]"] }, 'column = "1 TO 2\n(x)]"'],
  ];

  it.each(cases)("%s", (_name, values, expected) => {
    expect(filterOf(values)).toBe(expected);
  });

  it.each([
    ["malformed date", { dateFrom: "2023-1-1" }, FILTER_ERROR_CODES.invalidDate],
    ["impossible date", { dateTo: "2023-02-30" }, FILTER_ERROR_CODES.invalidDate],
    ["inverted range", { dateFrom: "2023-02-01", dateTo: "2023-01-01" }, FILTER_ERROR_CODES.invertedDateRange],
    ["fractional page", { pages: [1.5] }, FILTER_ERROR_CODES.invalidPage],
    ["page zero", { pages: [0] }, FILTER_ERROR_CODES.invalidPage],
    ["NaN page", { pages: [Number.NaN] }, FILTER_ERROR_CODES.invalidPage],
    ["negative page", { pages: [-4] }, FILTER_ERROR_CODES.invalidPage],
    ["infinite page", { pages: [Number.POSITIVE_INFINITY] }, FILTER_ERROR_CODES.invalidPage],
  ] as const)("rejects %s with a typed Chinese error", (_name, values, code) => {
    const result = buildFilter(values);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/u);
  });

  it("tells a date the calendar lacks from a malformed one", () => {
    expect(buildFilter({ dateTo: "2023-02-30" })).toMatchObject({ ok: false, error: { message: "结束日期不存在：2023-02-30" } });
    expect(buildFilter({ dateFrom: "2023-1-1" })).toMatchObject({ ok: false, error: { message: "起始日期格式不正确（应为 YYYY-MM-DD）" } });
  });

  it("computes the same day numbers as the index (days since 1970-01-01)", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2024-02-29")).toBe(19782);
    expect(toDayNumber("2023-02-29")).toBeNull();
    expect(toDayNumber("20230101")).toBeNull();
  });

  it("joins expressions, parenthesising compound parts only", () => {
    expect(joinAllOf([null, undefined, ""])).toBeNull();
    expect(joinAllOf(["a = 1", "(b = 1 OR b = 2)", "c = 1 OR c = 2", 'd = "x OR y"'])).toBe(
      'a = 1 AND (b = 1 OR b = 2) AND (c = 1 OR c = 2) AND d = "x OR y"',
    );
  });

  it("quotes ids in an IN list", () => {
    expect(buildIdInCondition(["a", 'b"]'])).toBe('id IN ["a", "b\\"]"]');
  });

  describe("property: values never change the filter's structure", () => {
    const FACETS = [
      ["authors", "authors"],
      ["roles", "authorRoles"],
      ["roleNames", "roles"],
      ["topics", "topics"],
      ["columns", "column"],
      ["sources", "source"],
    ] as const;
    const nasty = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc
        .array(fc.constantFrom('"', "\\", "'", " AND ", " OR ", "TO", "(", ")", "[", "]", "\n", "=", "!=", "NOT", "李", ","), {
          maxLength: 12,
        })
        .map((parts) => parts.join("")),
    );
    const values = fc.record(
      {
        authors: fc.array(nasty, { maxLength: 4 }),
        roles: fc.array(nasty, { maxLength: 4 }),
        roleNames: fc.array(nasty, { maxLength: 4 }),
        topics: fc.array(nasty, { maxLength: 4 }),
        columns: fc.array(nasty, { maxLength: 4 }),
        sources: fc.array(nasty, { maxLength: 4 }),
        pages: fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );

    it("every value is exactly one quoted literal and operators match the structure", () => {
      fc.assert(
        fc.property(values, (input) => {
          const filter = filterOf(input);
          const expectedGroups = FACETS.map(([key, attribute]): { attribute: string; values: string[] } => ({
            attribute,
            values: [...new Set(input[key] ?? [])],
          }))
            .concat([{ attribute: "page", values: [...new Set(input.pages ?? [])].map(String) }])
            .filter((group) => group.values.length > 0);
          if (expectedGroups.length === 0) {
            expect(filter).toBeNull();
            return;
          }
          expect(parseFilter(filter ?? "")).toEqual(expectedGroups);
        }),
        { numRuns: 1000 },
      );
    });

    it("quoteFilterValue round-trips through Meilisearch's unescaping", () => {
      fc.assert(
        fc.property(nasty, (value) => {
          const tokens = tokenizeFilter(quoteFilterValue(value));
          expect(tokens).toEqual([{ kind: "string", value }]);
        }),
      );
    });
  });
});

type FilterToken = { kind: "string"; value: string } | { kind: "word"; text: string } | { kind: "punct"; text: string };

/**
 * Splits a filter like Meilisearch's parser does for the parts we emit:
 * double-quoted strings end at the first quote not preceded by a backslash
 * escape; their content is unescaped in two stages as in filter-parser's
 * value.rs (`\"` → `"`, then `\\` → `\`). Outside quotes, whitespace separates
 * words and ( ) [ ] , are tokens of their own.
 */
function tokenizeFilter(filter: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < filter.length) {
    const char = filter[i] ?? "";
    if (char === " ") {
      i++;
    } else if (char === '"') {
      let j = i + 1;
      while (j < filter.length && filter[j] !== '"') j += filter[j] === "\\" ? 2 : 1;
      if (j >= filter.length) throw new Error(`unterminated string in ${filter}`);
      tokens.push({ kind: "string", value: unescapeLikeMeilisearch(filter.slice(i + 1, j)) });
      i = j + 1;
    } else if ("()[],".includes(char)) {
      tokens.push({ kind: "punct", text: char });
      i++;
    } else {
      let j = i;
      while (j < filter.length && !' "()[],'.includes(filter[j] ?? "")) j++;
      tokens.push({ kind: "word", text: filter.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

function unescapeLikeMeilisearch(raw: string): string {
  const quotesUnescaped = raw.replaceAll('\\"', '"');
  return quotesUnescaped.replace(/\\(.)/gsu, (_match, escaped: string) => {
    if (escaped === "\\" || escaped === '"') return escaped;
    throw new Error(`unexpected escape \\${escaped}`);
  });
}

/**
 * Reads `group AND group …` where a group is `attr = value` or
 * `( attr = value OR attr = value … )`, failing on anything else, so the
 * operator counts and literal positions are checked exactly.
 */
function parseFilter(filter: string): Array<{ attribute: string; values: string[] }> {
  const tokens = tokenizeFilter(filter);
  let pos = 0;
  const next = () => tokens[pos++];
  const expectWord = (text: string) => {
    const token = next();
    if (token?.kind !== "word" || token.text !== text) throw new Error(`expected ${text} in ${filter}`);
  };
  const readCondition = (): { attribute: string; value: string } => {
    const attribute = next();
    if (attribute?.kind !== "word") throw new Error(`expected attribute in ${filter}`);
    expectWord("=");
    const value = next();
    if (value?.kind === "string") return { attribute: attribute.text, value: value.value };
    if (value?.kind === "word" && attribute.text === "page" && /^\d+$/.test(value.text)) {
      return { attribute: attribute.text, value: value.text };
    }
    throw new Error(`expected a quoted value in ${filter}`);
  };
  const groups: Array<{ attribute: string; values: string[] }> = [];
  for (;;) {
    const open = tokens[pos];
    const conditions = [];
    if (open?.kind === "punct" && open.text === "(") {
      pos++;
      conditions.push(readCondition());
      for (;;) {
        const token = next();
        if (token?.kind === "punct" && token.text === ")") break;
        if (token?.kind !== "word" || token.text !== "OR") throw new Error(`expected OR or ) in ${filter}`);
        conditions.push(readCondition());
      }
      if (conditions.length < 2) throw new Error("needless parentheses");
    } else {
      conditions.push(readCondition());
    }
    const attributes = new Set(conditions.map((condition) => condition.attribute));
    if (attributes.size !== 1) throw new Error(`mixed attributes in one OR group: ${filter}`);
    groups.push({ attribute: conditions[0]?.attribute ?? "", values: conditions.map((condition) => condition.value) });
    if (pos === tokens.length) return groups;
    expectWord("AND");
  }
}

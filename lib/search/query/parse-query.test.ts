import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQuery, QUERY_ERROR_CODES, type Term } from "./parse-query";

type TermSpec = string | Partial<Term> & { text: string };

/** Expected clauses, each a list of alternatives; a bare string is a plain any-field term. */
function clauses(...groups: TermSpec[][]) {
  return groups.map((group) => ({
    anyOf: group.map((spec) =>
      typeof spec === "string"
        ? { text: spec, field: "any", negated: false, phrase: false }
        : { field: "any", negated: false, phrase: false, ...spec },
    ),
  }));
}

function parseClauses(input: string) {
  const result = parseQuery(input);
  if (!result.ok) throw new Error(`unexpected error for ${JSON.stringify(input)}: ${result.error.message}`);
  return result.query.clauses;
}

describe("parseQuery", () => {
  const cases: Array<[string, string, ReturnType<typeof clauses>]> = [
    ["empty input", "", []],
    ["only spaces", "  \u3000 ", []],
    ["one term", "小微", clauses(["小微"])],
    ["ASCII spaces AND terms", "小微 企业", clauses(["小微"], ["企业"])],
    ["full-width space AND terms", "小微\u3000企业", clauses(["小微"], ["企业"])],
    ["quoted phrase keeps inner spaces", '"小微 企业" 贷款', clauses([{ text: "小微 企业", phrase: true }], ["贷款"])],
    ["Chinese double quotes", "“小微 企业”", clauses([{ text: "小微 企业", phrase: true }])],
    ["corner brackets", "「一带一路」 倡议", clauses([{ text: "一带一路", phrase: true }], ["倡议"])],
    ["negated term", "小微 -贷款", clauses(["小微"], [{ text: "贷款", negated: true }])],
    ["negated phrase", '-"某 某"', clauses([{ text: "某 某", negated: true, phrase: true }])],
    ["negated Chinese phrase", "-“某某”", clauses([{ text: "某某", negated: true, phrase: true }])],
    ["full-width minus", "－广告", clauses([{ text: "广告", negated: true }])],
    ["OR binds neighbours", "A OR B C", clauses(["A", "B"], ["C"])],
    ["pipe as OR", "A | B C", clauses(["A", "B"], ["C"])],
    ["pipe without spaces", "A|B", clauses(["A", "B"])],
    ["full-width pipe", "A｜B", clauses(["A", "B"])],
    ["OR chain", "A OR B OR C", clauses(["A", "B", "C"])],
    ["OR with phrases", '"a b" OR “c d”', clauses([{ text: "a b", phrase: true }, { text: "c d", phrase: true }])],
    ["lower-case or is literal", "A or B", clauses(["A"], ["or"], ["B"])],
    ["quoted OR is literal", '"OR"', clauses([{ text: "OR", phrase: true }])],
    ["negated OR is literal", "-OR", clauses([{ text: "OR", negated: true }])],
    ["leading OR dropped", "OR A", clauses(["A"])],
    ["trailing OR dropped", "A OR", clauses(["A"])],
    ["double OR collapses", "A OR OR B", clauses(["A", "B"])],
    ["lone OR", "OR", []],
    ["title field", "title:小微", clauses([{ text: "小微", field: "title" }])],
    ["Chinese title field, full-width colon", "标题：小微", clauses([{ text: "小微", field: "title" }])],
    ["title field is case-insensitive", "Title:x", clauses([{ text: "x", field: "title" }])],
    ["author field", "author:李静", clauses([{ text: "李静", field: "author" }])],
    ["Chinese author field", "作者:李静", clauses([{ text: "李静", field: "author" }])],
    ["quoted field value", "title:“小微 企业”", clauses([{ text: "小微 企业", field: "title", phrase: true }])],
    ["negated field", "-作者：李静", clauses([{ text: "李静", field: "author", negated: true }])],
    ["field with empty value ignored", "title: 小微", clauses(["小微"])],
    ["unknown field is literal", "foo:bar", clauses(["foo:bar"])],
    ["time is literal", "12:30", clauses(["12:30"])],
    ["AND and TO are literal", "A AND B TO C", clauses(["A"], ["AND"], ["B"], ["TO"], ["C"])],
    ["brackets and backslashes are literal", "(a) [b] \\c", clauses(["(a)"], ["[b]"], ["\\c"])],
    ["lone minus ignored", "- 小微 -", clauses(["小微"])],
    ["double minus negates the rest", "--x", clauses([{ text: "-x", negated: true }])],
    ["hyphen inside a word is literal", "COVID-19", clauses(["COVID-19"])],
    ["empty quotes ignored", '"" 小微 “”', clauses(["小微"])],
    ["unclosed quote runs to the end", '小微 "企业 贷款', clauses(["小微"], [{ text: "企业 贷款", phrase: true }])],
    ["quote inside a word is literal", 'ab"cd', clauses(['ab"cd'])],
    ["text right after a closing quote is a new term", '"ab"cd', clauses([{ text: "ab", phrase: true }], ["cd"])],
    ["mixed OR of title and author", "title:甲 OR author:乙", clauses([{ text: "甲", field: "title" }, { text: "乙", field: "author" }])],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    expect(parseClauses(input)).toEqual(expected);
  });

  it("rejects input over the length limit with a Chinese message", () => {
    const result = parseQuery("字".repeat(MAX_QUERY_LENGTH + 1));
    expect(result).toEqual({
      ok: false,
      error: { code: QUERY_ERROR_CODES.queryTooLong, message: "查询过长（最多 256 个字符）" },
    });
  });

  it("counts characters, not UTF-16 units, and ignores surrounding spaces", () => {
    expect(parseQuery("𠀀".repeat(MAX_QUERY_LENGTH)).ok).toBe(true);
    expect(parseQuery(`  ${"字".repeat(MAX_QUERY_LENGTH)}  `).ok).toBe(true);
  });

  it("rejects more than the maximum number of terms", () => {
    const ok = parseQuery(Array.from({ length: MAX_QUERY_TERMS }, (_, i) => `t${i}`).join(" "));
    expect(ok.ok).toBe(true);
    const tooMany = parseQuery(Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `t${i}`).join(" "));
    expect(tooMany).toMatchObject({ ok: false, error: { code: QUERY_ERROR_CODES.tooManyTerms } });
    if (!tooMany.ok) expect(tooMany.error.message).toContain("检索词过多");
  });

  describe("properties", () => {
    const syntaxPieces = fc.constantFrom(
      '"', "“", "”", "「", "」", "-", "－", "OR", "|", "AND", "TO", "(", ")", "[", "]", "\\", ":", "：",
      "title:", "作者：", " ", "\u3000", "\n", "小微", "企业", "\u{20000}", "\ud800",
    );
    const queryLike = fc
      .array(fc.oneof(syntaxPieces, fc.string({ unit: "grapheme", maxLength: 8 })), { maxLength: 60 })
      .map((parts) => parts.join(""));
    const anyInput = fc.oneof(queryLike, fc.string({ unit: "binary", maxLength: 400 }), fc.string({ maxLength: 2000 }));

    it("never throws and returns either a query or a typed error", () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const result = parseQuery(input);
          if (result.ok) {
            for (const clause of result.query.clauses) {
              expect(clause.anyOf.length).toBeGreaterThan(0);
              for (const term of clause.anyOf) {
                expect(term.text.trim()).toBe(term.text);
                expect(term.text).not.toBe("");
                expect(["any", "title", "author"]).toContain(term.field);
              }
            }
          } else {
            expect(Object.values(QUERY_ERROR_CODES)).toContain(result.error.code);
            expect(result.error.message).not.toBe("");
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("keeps every unquoted word without syntax as a literal term", () => {
      const plainWord = fc
        .string({ unit: "grapheme", minLength: 1, maxLength: 6 })
        .filter((word) => !/[\s"“「『＂|｜:：\-－]/u.test(word) && word !== "OR");
      fc.assert(
        fc.property(fc.array(plainWord, { minLength: 1, maxLength: 20 }), (words) => {
          expect(parseClauses(words.join(" "))).toEqual(clauses(...words.map((word) => [word])));
        }),
      );
    });
  });
});

describe("proximity", () => {
  const parse = (q: string) => {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.query.clauses;
  };

  it("binds NEAR/n and 近/n to the plain terms on each side", () => {
    expect(parse("春运 NEAR/5 铁路")).toEqual([{ anyOf: [{ text: "春运", field: "any", negated: false, phrase: false, near: { text: "铁路", phrase: false, distance: 5 } }] }]);
    expect(parse("春运 近／１２ “铁路”")[0]?.anyOf[0]?.near).toEqual({ text: "铁路", phrase: true, distance: 12 });
    expect(parse("标题:春运 near/3 铁路")[0]?.anyOf[0]).toMatchObject({ field: "title", near: { distance: 3 } });
    expect(parse("公路 OR 春运 NEAR/5 铁路")).toHaveLength(1);
  });

  it("reads \"A B\"~n, with exactly two words in the quotes, as A NEAR/n B", () => {
    expect(parse('"北京 冬奥"~5')).toEqual([{ anyOf: [{ text: "北京", field: "any", negated: false, phrase: false, near: { text: "冬奥", phrase: false, distance: 5 } }] }]);
    expect(parse("“春运　铁路”～１２ 公路").map((clause) => clause.anyOf[0]?.near?.distance ?? clause.anyOf[0]?.text)).toEqual([12, "公路"]);
    expect(parse('标题:"春运 铁路"~3 OR 民航')[0]?.anyOf.map((term) => [term.field, term.text, term.near?.text])).toEqual([
      ["title", "春运", "铁路"],
      ["any", "民航", undefined],
    ]);
  });

  it("keeps \"…\"~n as typed when it cannot be a NEAR", () => {
    expect(parse('"北京冬奥"~5').map((clause) => clause.anyOf[0]?.text)).toEqual(["北京冬奥", "~5"]);
    expect(parse('"北京 冬奥 会"~5').map((clause) => clause.anyOf[0]?.text)).toEqual(["北京 冬奥 会", "~5"]);
    expect(parse('"北京 冬奥"~5x').map((clause) => clause.anyOf[0]?.text)).toEqual(["北京 冬奥", "~5x"]);
    expect(parse('-"北京 冬奥"~5')[0]?.anyOf[0]).toMatchObject({ text: "北京 冬奥", negated: true, phrase: true });
    expect(parse('作者:"王 明"~2')[0]?.anyOf[0]).toMatchObject({ text: "王 明", field: "author", phrase: true });
  });

  it("ignores a NEAR without plain terms on both sides", () => {
    expect(parse("NEAR/5 铁路").map((clause) => clause.anyOf[0]?.text)).toEqual(["铁路"]);
    expect(parse("-春运 NEAR/5 铁路").map((clause) => clause.anyOf[0]?.near)).toEqual([undefined, undefined]);
  });

  it("says so when a NEAR's distance is missing or outside 1–50, which as a word would find nothing", () => {
    const refused = (typed: string) => ({ ok: false, error: { code: QUERY_ERROR_CODES.nearDistance, message: `邻近距离须为 1–50 个字，如 NEAR/5（输入的是 ${typed}）` } });
    for (const typed of ["NEAR/0", "NEAR/51", "near/120", "近／０", "NEAR/"]) expect(parseQuery(`春运 ${typed} 铁路`)).toEqual(refused(typed));
    // The quoted form of two words too; with one word or three the `~n` is text, as before.
    expect(parseQuery('"北京 冬奥"~51')).toEqual(refused("~51"));
    expect(parseQuery('"北京 冬奥"~120')).toEqual(refused("~120"));
    expect(parseQuery("“春运　铁路”～０ 公路")).toEqual(refused("～０"));
    expect(parse('"北京冬奥"~51').map((clause) => clause.anyOf[0]?.text)).toEqual(["北京冬奥", "~51"]);
    // Excluded or under a field prefix it is no operator, so it stays a word as typed.
    expect(parse("春运 -NEAR/0 标题:NEAR/99").map((clause) => clause.anyOf[0]?.text)).toEqual(["春运", "NEAR/0", "NEAR/99"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse-query";
import { renderClauses } from "./render-query";

function parse(q: string) {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query.clauses;
}

describe("writing a parsed query back", () => {
  it("keeps phrases, negations, fields and OR", () => {
    expect(renderClauses(parse('标题:春运 "铁路 民航" OR 公路 -author:新华社'))).toBe("标题:春运 “铁路 民航” OR 公路 -作者:新华社");
  });

  it("writes proximity back", () => {
    expect(renderClauses(parse("春运 near/5 “铁路 局” 民航"))).toBe("春运 NEAR/5 “铁路 局” 民航");
  });

  it("parses back to the same clauses, whatever was typed", () => {
    const pieces = fc.constantFrom("江城", "经济", "-会议", "OR", "|", '"中小 企业"', "标题:春运", "作者:王明远", "-", "“", "title:", "A-B", "12:30", "NEAR/5", "近/３", '"NEAR/99"', "-NEAR/0", "铁路");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const clauses = parse(parts.join(" "));
        expect(parse(renderClauses(clauses))).toEqual(clauses);
      }),
    );
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse-query";
import { QUERY_SYNTAX } from "./syntax";

describe("the query language as readers are taught it", () => {
  it.each(QUERY_SYNTAX.map((row) => [row.name, row] as const))("%s: the example parses into what the row says", (_name, row) => {
    const parsed = parseQuery(row.example);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const terms = parsed.query.clauses.flatMap((clause) => clause.anyOf);
    expect(parsed.query.clauses).toHaveLength(row.expect.clauses);
    expect(terms).toHaveLength(row.expect.terms);
    expect(terms.filter((term) => term.negated)).toHaveLength(row.expect.negated ?? 0);
    expect(terms.filter((term) => term.phrase)).toHaveLength(row.expect.phrases ?? 0);
    if (row.expect.field) expect(terms.some((term) => term.field === row.expect.field)).toBe(true);
    if (row.expect.near) expect(terms.map((term) => term.near?.distance)).toContain(row.expect.near);
  });

  it("is the README's table too", () => {
    const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
    for (const row of QUERY_SYNTAX) expect(readme, row.example).toContain(`| ${row.name} | \`${row.example}\` |`);
  });
});

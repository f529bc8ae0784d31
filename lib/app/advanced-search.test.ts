import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSearchRequest, type SearchRequest } from "@/lib/search/search-request";
import { buildAdvancedSearch, readAdvancedForm, toAdvancedForm } from "./advanced-search";

function submit(fields: Record<string, string>) {
  return buildAdvancedSearch(readAdvancedForm(new URLSearchParams(fields)));
}

function requestOf(href: string): SearchRequest {
  const parsed = parseSearchRequest(new URL(href, "http://x").searchParams);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe("advanced search form", () => {
  it("writes rows as the ordinary query language: fields, 并且, 或者, 不含, phrases", () => {
    const built = submit({ f1: "title", o1: "and", w1: "春运", f2: "any", o2: "and", w2: "铁路", f3: "any", o3: "or", w3: "民航", f4: "author", o4: "not", w4: "新华社", f5: "body", o5: "and", w5: "客流 高峰" });
    expect(built.ok && requestOf(built.href).q).toBe("标题:春运 铁路 OR 民航 -作者:新华社 正文:“客流 高峰”");
  });

  it("puts papers, columns, pages, dates, sort and size in the filters, and an author with a role as a byline filter", () => {
    const built = submit({ f1: "any", w1: "江城", f2: "source", w2: "江城日报", f3: "source", o3: "or", w3: "海滨晚报", f4: "edition", w4: "4", f5: "author", w5: "王明远", role: "记者", from: "2018-01-01", to: "2019-12-31", sort: "newest", size: "50", extra: "春运 NEAR/5 铁路" });
    if (!built.ok) throw new Error(built.message);
    expect(requestOf(built.href)).toMatchObject({ q: "江城 春运 NEAR/5 铁路", source: ["江城日报", "海滨晚报"], edition: [4], author: ["王明远"], role: ["记者"], from: "2018-01-01", to: "2019-12-31", sort: "newest", size: 50 });
  });

  it("keeps every byline role of a search: several roles are any of them, and none is dropped on the way back", () => {
    const original = requestOf("/search?q=春运&author=王明远&role=记者&role=摄影&role=未注明");
    const form = toAdvancedForm(original);
    expect(form.roles).toEqual(["记者", "摄影", "未注明"]);
    const params = new URLSearchParams([["f1", "any"], ["w1", "春运"], ["f2", "author"], ["w2", "王明远"], ...form.roles.map((role) => ["role", role])]);
    const built = buildAdvancedSearch(readAdvancedForm(params));
    if (!built.ok) throw new Error(built.message);
    expect(requestOf(built.href)).toMatchObject({ q: "春运", author: ["王明远"], role: ["记者", "摄影", "未注明"] });
  });

  it("says which row is wrong", () => {
    expect(submit({ f1: "column", o1: "not", w1: "要闻" })).toMatchObject({ ok: false, row: 1 });
    expect(submit({ f1: "any", w1: "江城", f2: "column", o2: "or", w2: "要闻" })).toMatchObject({ ok: false, row: 2 });
    expect(submit({ f1: "edition", w1: "第四版" })).toMatchObject({ ok: false, row: 1 });
    expect(submit({ f1: "any", w1: "江城", from: "2020-01-02", to: "2020-01-01" })).toMatchObject({ ok: false, row: null });
  });

  it("opened from a results page shows that search, and submitting it unchanged gives the same search back", () => {
    const words = fc.constantFrom("江城", "经济", "客流 高峰", "王明远", "要闻");
    const term = fc.record({ prefix: fc.constantFrom("", "标题:", "正文:", "作者:", "-"), word: words });
    fc.assert(
      fc.property(fc.array(fc.array(term, { minLength: 1, maxLength: 3 }), { maxLength: 4 }), fc.subarray(["江城日报", "海滨晚报"]), (clauses, sources) => {
        const q = clauses.map((clause) => clause.map(({ prefix, word }) => `${prefix}${/\s/u.test(word) ? `“${word}”` : word}`).join(" OR ")).join(" ");
        const original = requestOf(`/search?${new URLSearchParams([["q", q], ["topic", "经济"], ...sources.map((source) => ["source", source])]).toString()}`);
        const form = toAdvancedForm(original);
        const params = new URLSearchParams();
        form.rows.forEach((row, i) => {
          params.set(`f${i + 1}`, row.field);
          params.set(`o${i + 1}`, row.op);
          params.set(`w${i + 1}`, row.words);
        });
        params.set("extra", form.extra);
        for (const topic of form.topics) params.append("topic", topic);
        const built = buildAdvancedSearch(readAdvancedForm(params));
        if (!built.ok) throw new Error(built.message);
        const again = requestOf(built.href);
        expect(parseSearchRequest(new URLSearchParams({ q: again.q })).ok).toBe(true);
        expect(again.source).toEqual(original.source);
        expect(again.topic).toEqual(["经济"]);
        // The same clauses, written the same way.
        expect(toAdvancedForm(again).rows).toEqual(form.rows);
      }),
      { numRuns: 200 },
    );
  });
});

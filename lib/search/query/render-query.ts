import type { Clause, Term } from "./parse-query";

/**
 * A parsed query written back in the query language, so that a changed query
 * (a term dropped, a term split) stays readable and editable in the box.
 * parseQuery(renderClauses(clauses)) gives the same clauses back.
 */

const FIELD_PREFIX: Readonly<Record<Term["field"], string>> = { any: "", title: "标题:", body: "正文:", author: "作者:" };

export function renderTerm(term: Term): string {
  const near = term.near ? ` NEAR/${term.near.distance} ${quoteIfNeeded(term.near.text, term.near.phrase)}` : "";
  return `${term.negated ? "-" : ""}${FIELD_PREFIX[term.field]}${quoteIfNeeded(term.text, term.phrase)}${near}`;
}

function quoteIfNeeded(text: string, phrase: boolean): string {
  const needsQuotes = phrase || /[\s"“”「」『』＂|｜]/u.test(text) || text === "OR" || /^[-－]/u.test(text);
  return needsQuotes ? `“${text}”` : text;
}

export function renderClauses(clauses: readonly Clause[]): string {
  return clauses.map((clause) => clause.anyOf.map(renderTerm).join(" OR ")).join(" ");
}

import { z } from "zod";
import { parseQuery, type Clause, type Term, type TermField } from "@/lib/search/query/parse-query";
import { renderClauses } from "@/lib/search/query/render-query";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORT_ORDERS, type SearchRequest } from "@/lib/search/search-request";
import { toSearchHref } from "./search-filters";

/**
 * The advanced search form (/search/advanced): rows of field, operator and words, as national
 * archive databases offer them, turned into the ordinary query language in `?q=` plus the
 * filters, so the result URL stays readable and editable in the simple box; and back, so the
 * form opened from a results page shows the current search.
 */

export const ADVANCED_FIELDS = {
  any: "全部字段",
  title: "标题",
  body: "正文",
  author: "作者",
  column: "栏目",
  source: "报纸",
  edition: "版次",
} as const;
export type AdvancedField = keyof typeof ADVANCED_FIELDS;

export const ADVANCED_OPERATORS = { and: "并且", or: "或者", not: "不含" } as const;
export type AdvancedOperator = keyof typeof ADVANCED_OPERATORS;

export const SORT_LABELS = { relevance: "相关度", newest: "日期：新→旧", oldest: "日期：旧→新" } as const satisfies Record<(typeof SORT_ORDERS)[number], string>;
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const MIN_ROWS = 5;
const MAX_ROWS = 20;

export type AdvancedRow = { field: AdvancedField; op: AdvancedOperator; words: string };
export type AdvancedForm = {
  rows: AdvancedRow[];
  /** Byline roles, any of them: of the author row (or, with no author row, any author in one of these roles). */
  roles: string[];
  /** What the rows cannot hold (proximity, several terms in one box), in the query language, ANDed. */
  extra: string;
  from: string;
  to: string;
  sort: (typeof SORT_ORDERS)[number];
  size: number;
  /** Topic filters: no row holds them, the form carries them through unchanged. */
  topics: string[];
};

const TEXT_FIELDS: Readonly<Partial<Record<AdvancedField, TermField>>> = { any: "any", title: "title", body: "body", author: "author" };
const FACET_FIELDS = ["column", "source", "edition"] as const;
type FacetField = (typeof FACET_FIELDS)[number];

const FieldSchema = z.enum(Object.keys(ADVANCED_FIELDS) as [AdvancedField, ...AdvancedField[]]).catch("any");
const OperatorSchema = z.enum(Object.keys(ADVANCED_OPERATORS) as [AdvancedOperator, ...AdvancedOperator[]]).catch("and");
// Built once: the form is read on every submission and every row.
const RowWordsSchema = z.string().trim().max(200).catch("");
const ExtraSchema = z.string().trim().max(256).catch("");
const DateSchema = z.iso.date().catch("");
const SortSchema = z.enum(SORT_ORDERS).catch("relevance");

/** The submitted form (`f1`, `o1`, `w1`, … and the rest), read leniently: a wrong value is the default, too long is cut. */
export function readAdvancedForm(params: URLSearchParams): AdvancedForm {
  const rows: AdvancedRow[] = [];
  for (let i = 1; i <= MAX_ROWS; i++) {
    const words = RowWordsSchema.parse(params.get(`w${i}`) ?? "");
    if (params.get(`f${i}`) === null && !words) continue;
    rows.push({ field: FieldSchema.parse(params.get(`f${i}`)), op: OperatorSchema.parse(params.get(`o${i}`)), words });
  }
  const size = Number(params.get("size"));
  return {
    rows,
    roles: [...new Set(params.getAll("role").map((role) => role.trim()))].filter((role) => role && role.length <= 20).slice(0, 20),
    extra: ExtraSchema.parse(params.get("extra") ?? ""),
    from: DateSchema.parse(params.get("from") ?? ""),
    to: DateSchema.parse(params.get("to") ?? ""),
    sort: SortSchema.parse(params.get("sort")),
    size: Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE,
    topics: params.getAll("topic").map((topic) => topic.trim()).filter((topic) => topic && topic.length <= 100).slice(0, 20),
  };
}

export type BuiltSearch = { ok: true; href: string; request: Partial<SearchRequest> } | { ok: false; message: string; row: number | null };

/** The search the form asks for, or what is wrong with it (naming the row). */
export function buildAdvancedSearch(form: AdvancedForm): BuiltSearch {
  const clauses: Array<{ anyOf: Term[] }> = [];
  const facets: Record<FacetField, string[]> = { column: [], source: [], edition: [] };
  const authors: string[] = [];
  let previous: AdvancedField | null = null;
  for (const [index, row] of form.rows.entries()) {
    const at = index + 1;
    const words = row.words.trim();
    if (!words) continue;
    const fail = (message: string): BuiltSearch => ({ ok: false, message: `第 ${at} 行（${ADVANCED_FIELDS[row.field]}）：${message}`, row: at });
    // The first condition has nothing to be joined to: 或者 there means 并且.
    const op = row.op === "or" && previous === null ? "and" : row.op;
    if ((FACET_FIELDS as readonly string[]).includes(row.field)) {
      const field = row.field as FacetField;
      if (op === "not") return fail("栏目、报纸、版次不能用“不含”");
      if (op === "or" && previous !== field) return fail(`“或者”只能连接同一种条件（上一行应也是${ADVANCED_FIELDS[field]}）`);
      if (op === "and" && facets[field].length > 0) return fail(`一篇文章只有一个${ADVANCED_FIELDS[field]}，多个${ADVANCED_FIELDS[field]}请用“或者”`);
      if (field === "edition" && !/^\d{1,3}$/u.test(words)) return fail("版次应为 1–999 的数字");
      facets[field].push(words);
      previous = field;
      continue;
    }
    const termField = TEXT_FIELDS[row.field] ?? "any";
    if (termField === "author" && form.roles.length > 0) {
      if (op !== "and") return fail("选了作者身份时，作者只能用“并且”连接");
      if (authors.length > 0) return fail("选了作者身份时只能填一位作者（多位作者请不选身份）");
      authors.push(words);
      previous = row.field;
      continue;
    }
    const term: Term = { text: words, field: termField, negated: op === "not", phrase: /\s/u.test(words) };
    if (op === "or" && previous !== null && !(FACET_FIELDS as readonly string[]).includes(previous) && clauses.length > 0) clauses.at(-1)!.anyOf.push(term);
    else if (op === "or") return fail("“或者”前面需要一行检索词");
    else clauses.push({ anyOf: [term] });
    previous = row.field;
  }
  const q = [renderClauses(clauses), form.extra.trim()].filter(Boolean).join(" ");
  const parsed = parseQuery(q);
  if (!parsed.ok) return { ok: false, message: parsed.error.message, row: null };
  if (form.from && form.to && form.from > form.to) return { ok: false, message: "起始日期晚于结束日期", row: null };
  const request: Partial<SearchRequest> = {
    q,
    author: authors,
    role: form.roles,
    column: facets.column,
    source: facets.source,
    topic: form.topics,
    edition: facets.edition.map(Number),
    sort: form.sort,
    size: form.size,
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  };
  return { ok: true, href: toSearchHref(request), request };
}

/** The form for a search already made: its clauses as rows, what rows cannot hold in `extra`. */
export function toAdvancedForm(request: SearchRequest): AdvancedForm {
  const rows: AdvancedRow[] = [];
  const extra: Clause[] = [];
  const parsed = parseQuery(request.q);
  for (const clause of parsed.ok ? parsed.query.clauses : []) {
    // A clause mixing negation into OR, or a proximity, stays as written.
    if (clause.anyOf.some((term) => term.near) || (clause.anyOf.length > 1 && clause.anyOf.some((term) => term.negated))) {
      extra.push(clause);
      continue;
    }
    clause.anyOf.forEach((term, i) => rows.push({ field: term.field, op: term.negated ? "not" : i === 0 ? "and" : "or", words: term.text }));
  }
  for (const name of request.author) rows.push({ field: "author", op: "and", words: name });
  for (const field of FACET_FIELDS) {
    const values = field === "edition" ? request.edition.map(String) : request[field];
    values.forEach((value, i) => rows.push({ field, op: i === 0 ? "and" : "or", words: value }));
  }
  // Room to add conditions: at least MIN_ROWS rows, and always one empty.
  do rows.push({ field: "any", op: "and", words: "" });
  while (rows.length < MIN_ROWS);
  return {
    rows,
    roles: [...request.role],
    extra: [renderClauses(extra), parsed.ok ? "" : request.q].filter(Boolean).join(" "),
    from: request.from ?? "",
    to: request.to ?? "",
    sort: request.sort,
    size: request.size,
    topics: [...request.topic],
  };
}

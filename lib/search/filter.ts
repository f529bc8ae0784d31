import { toDateDay } from "@/lib/search/documents";
import type { FILTERABLE_ATTRIBUTES } from "@/lib/search/index-schema";

/**
 * Typed builder for Meilisearch filter strings.
 *
 * User-supplied strings never reach the filter unquoted: each one becomes a
 * double-quoted literal with `\` and `"` backslash-escaped, which is the only
 * escaping Meilisearch's filter parser needs inside double quotes (it first
 * turns `\"` into `"`, then unescapes `\\` to `\`). Keywords such as AND, OR,
 * TO, brackets and newlines are inert inside quotes, so a value cannot change
 * the shape of the expression. Attribute names are constants, never input.
 */

/** Filterable attributes used here. `dateDay` = days since 1970-01-01 (UTC). */
export const FILTER_ATTRIBUTES = {
  id: "id",
  dateDay: "dateDay",
  authors: "authors",
  roles: "roles",
  authorRoles: "authorRoles",
  topics: "topics",
  column: "column",
  source: "source",
  page: "page",
  fileKey: "fileKey",
} as const satisfies Record<string, (typeof FILTERABLE_ATTRIBUTES)[number]>;
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[keyof typeof FILTER_ATTRIBUTES];

export type FilterValues = {
  /** Inclusive, YYYY-MM-DD. */
  dateFrom?: string;
  /** Inclusive, YYYY-MM-DD. */
  dateTo?: string;
  authors?: readonly string[];
  /** `role:name` pairs (记者:王昊男, see `toAuthorRoleValue`), matched against `authorRoles`. */
  roles?: readonly string[];
  /** Bare byline roles (记者, 摄影, 未注明 …), matched against `roles`. */
  roleNames?: readonly string[];
  topics?: readonly string[];
  columns?: readonly string[];
  sources?: readonly string[];
  pages?: readonly number[];
};

export const FILTER_ERROR_CODES = {
  invalidDate: "invalid_date",
  invertedDateRange: "inverted_date_range",
  invalidPage: "invalid_page",
} as const;
export type FilterErrorCode = (typeof FILTER_ERROR_CODES)[keyof typeof FILTER_ERROR_CODES];
export type FilterError = { code: FilterErrorCode; message: string };

export type FilterResult = { ok: true; filter: string | null } | { ok: false; error: FilterError };

/** A string as a Meilisearch double-quoted filter literal. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

export function buildEqualsCondition(attribute: FilterAttribute, value: string): string {
  return `${attribute} = ${quoteFilterValue(value)}`;
}

/**
 * Array-valued attributes such as `authors` are matched per element, so `!=`
 * keeps documents with no element equal to the value (including documents
 * without the attribute), which is what "not by this author" means.
 */
export function buildNotEqualsCondition(attribute: FilterAttribute, value: string): string {
  return `${attribute} != ${quoteFilterValue(value)}`;
}

/** ORs conditions; wrapped in parentheses when there are several so it can be ANDed safely. */
export function joinAnyOf(conditions: readonly string[]): string | null {
  if (conditions.length === 0) return null;
  if (conditions.length === 1) return conditions[0] ?? null;
  return `(${conditions.join(" OR ")})`;
}

/**
 * ANDs filter expressions, skipping nulls. Each part is parenthesised when it
 * is a compound expression so that an OR inside it cannot bind across the AND.
 */
export function joinAllOf(parts: ReadonlyArray<string | null | undefined>): string | null {
  const present = parts.filter((part): part is string => typeof part === "string" && part.length > 0);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return present.map((part) => (isAtomicExpression(part) ? part : `(${part})`)).join(" AND ");
}

/** Restricts a search to known document ids (used to intersect chained queries). */
export function buildIdInCondition(ids: readonly [string, ...string[]]): string {
  return `${FILTER_ATTRIBUTES.id} IN [${ids.map(quoteFilterValue).join(", ")}]`;
}

export function toAuthorRoleValue(role: string, name: string): string {
  return `${role}:${name}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 (as indexed in `dateDay`) for a real calendar date in YYYY-MM-DD form; null otherwise. */
export function toDayNumber(isoDate: string): number | null {
  if (!ISO_DATE.test(isoDate)) return null;
  const day = toDateDay(isoDate);
  // Date parsing may roll 2023-02-30 over to March; the round trip rejects such dates.
  if (day === null || new Date(day * 86_400_000).toISOString().slice(0, 10) !== isoDate) return null;
  return day;
}

export function buildFilter(values: FilterValues): FilterResult {
  const dateCondition = buildDateCondition(values.dateFrom, values.dateTo);
  if (!dateCondition.ok) return dateCondition;
  const pageCondition = buildPageCondition(values.pages ?? []);
  if (!pageCondition.ok) return pageCondition;
  const filter = joinAllOf([
    dateCondition.filter,
    buildAnyOfValues(FILTER_ATTRIBUTES.authors, values.authors),
    buildAnyOfValues(FILTER_ATTRIBUTES.authorRoles, values.roles),
    buildAnyOfValues(FILTER_ATTRIBUTES.roles, values.roleNames),
    buildAnyOfValues(FILTER_ATTRIBUTES.topics, values.topics),
    buildAnyOfValues(FILTER_ATTRIBUTES.column, values.columns),
    buildAnyOfValues(FILTER_ATTRIBUTES.source, values.sources),
    pageCondition.filter,
  ]);
  return { ok: true, filter };
}

function buildAnyOfValues(attribute: FilterAttribute, values: readonly string[] | undefined): string | null {
  const unique = [...new Set(values ?? [])];
  return joinAnyOf(unique.map((value) => buildEqualsCondition(attribute, value)));
}

function buildDateCondition(dateFrom: string | undefined, dateTo: string | undefined): FilterResult {
  const from = parseOptionalDate(dateFrom, "起始日期");
  if (!from.ok) return from;
  const to = parseOptionalDate(dateTo, "结束日期");
  if (!to.ok) return to;
  const attribute = FILTER_ATTRIBUTES.dateDay;
  if (from.day !== null && to.day !== null) {
    if (from.day > to.day) {
      return fail(FILTER_ERROR_CODES.invertedDateRange, "起始日期不能晚于结束日期");
    }
    return { ok: true, filter: `${attribute} ${from.day} TO ${to.day}` };
  }
  if (from.day !== null) return { ok: true, filter: `${attribute} >= ${from.day}` };
  if (to.day !== null) return { ok: true, filter: `${attribute} <= ${to.day}` };
  return { ok: true, filter: null };
}

function parseOptionalDate(
  value: string | undefined,
  label: string,
): { ok: true; day: number | null } | { ok: false; error: FilterError } {
  if (value === undefined || value === "") return { ok: true, day: null };
  const day = toDayNumber(value);
  if (day !== null) return { ok: true, day };
  // A well-formed date that the calendar lacks (2020-02-30) is named as such, not as a format error.
  const message = ISO_DATE.test(value) ? `${label}不存在：${value}` : `${label}格式不正确（应为 YYYY-MM-DD）`;
  return fail(FILTER_ERROR_CODES.invalidDate, message);
}

function buildPageCondition(pages: readonly number[]): FilterResult {
  if (pages.some((page) => !Number.isSafeInteger(page) || page < 1)) {
    return fail(FILTER_ERROR_CODES.invalidPage, "版次必须是正整数");
  }
  const unique = [...new Set(pages)];
  return { ok: true, filter: joinAnyOf(unique.map((page) => `${FILTER_ATTRIBUTES.page} = ${page}`)) };
}

function fail(code: FilterErrorCode, message: string): { ok: false; error: FilterError } {
  return { ok: false, error: { code, message } };
}

/**
 * True when the expression needs no parentheses to be an AND operand: it has
 * no top-level AND/OR outside quotes and brackets.
 */
function isAtomicExpression(expression: string): boolean {
  let depth = 0;
  let inQuote = false;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (inQuote) {
      if (char === "\\") i++;
      else if (char === '"') inQuote = false;
      continue;
    }
    if (char === '"') inQuote = true;
    else if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (depth === 0 && (expression.startsWith(" AND ", i) || expression.startsWith(" OR ", i))) return false;
  }
  return true;
}

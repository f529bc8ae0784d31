import { z } from "zod";
import { describeDefaultIssue, describeIssues } from "./describe-issues";
import { DEFAULT_PAGE_SIZE } from "./search-query-string";

// The query string lives apart, without zod, so that the results page's island script can use it.
export { DEFAULT_PAGE_SIZE, toSearchQueryString } from "./search-query-string";

/**
 * The search request as it lives in the URL (`/search?q=…&author=…&page=2`)
 * and in `GET /api/search`: one schema for both, so they take exactly the same
 * parameters.
 */

export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const MAX_PAGE_SIZE = 100;
/** Highest newspaper page (版次) accepted in `edition`. */
export const MAX_EDITION = 999;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const manyStrings = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string().trim().min(1).max(100)).max(20));
const EDITION_MESSAGE = `须为 1–${MAX_EDITION} 的整数（版次）`;
/**
 * Newspaper pages (版次) as numbers. The URL's `page` is the result page, so
 * the article's page number travels as `edition` (repeatable: `edition=4&edition=5`).
 */
const manyEditions = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(
    z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{1,3}$/, EDITION_MESSAGE)
          .transform(Number)
          .pipe(z.number().int().min(1, EDITION_MESSAGE).max(MAX_EDITION, EDITION_MESSAGE)),
      )
      .max(50, "最多 50 个"),
  );

export const SearchRequestSchema = z.object({
  q: z.string().max(1000, "过长（最多 1000 个字符）").default(""),
  from: z.string().regex(ISO_DATE, "须为 YYYY-MM-DD").optional(),
  to: z.string().regex(ISO_DATE, "须为 YYYY-MM-DD").optional(),
  author: manyStrings,
  role: manyStrings,
  topic: manyStrings,
  column: manyStrings,
  source: manyStrings,
  edition: manyEditions,
  sort: z.enum(SORT_ORDERS).default("relevance"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export type SearchRequest = z.infer<typeof SearchRequestSchema>;

export type ParsedRequest = { ok: true; request: SearchRequest } | { ok: false; message: string };

/** Reads URLSearchParams or Next's searchParams object (string | string[] values). */
export function parseSearchRequest(input: URLSearchParams | Record<string, string | string[] | undefined>): ParsedRequest {
  const raw: Record<string, string | string[]> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) {
      const values = input.getAll(key);
      raw[key] = values.length === 1 ? (values[0] ?? "") : values;
    }
  } else {
    for (const [key, value] of Object.entries(input)) if (value !== undefined) raw[key] = value;
  }
  const parsed = SearchRequestSchema.safeParse(raw, { error: describeDefaultIssue });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, message: describeIssues(parsed.error) };
}

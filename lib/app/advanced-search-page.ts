import { parseSearchRequest, SearchRequestSchema } from "@/lib/search/search-request";
import { readAdvancedForm, toAdvancedForm, MIN_ROWS, type AdvancedForm } from "./advanced-search";
import { toEntries } from "./search-page";

export { ADVANCED_FIELDS, ADVANCED_OPERATORS, PAGE_SIZES, SORT_LABELS } from "./advanced-search";

/**
 * What the form shows: the rows just submitted (sent back with an error), else the search in the
 * URL (opened from a results page), else an empty form.
 */
export function loadAdvancedForm(raw: Record<string, string | string[] | undefined>): { form: AdvancedForm; error: string | null } {
  const params = new URLSearchParams(toEntries(raw));
  const error = params.get("error");
  if ([...params.keys()].some((key) => /^[fow]\d+$/u.test(key))) {
    const form = readAdvancedForm(params);
    while (form.rows.length < MIN_ROWS) form.rows.push({ field: "any", op: "and", words: "" });
    return { form, error: error ? error.slice(0, 300) : null };
  }
  const parsed = parseSearchRequest(params);
  const request = parsed.ok ? parsed.request : SearchRequestSchema.parse({});
  return { form: toAdvancedForm(request), error: parsed.ok ? null : parsed.message };
}

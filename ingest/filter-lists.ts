import { quoteFilterValue } from "@/lib/search/filter";

/** `field IN ["a", "b"]` with every value quoted and escaped. */
export function buildFilterIn(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quoteFilterValue).join(", ")}]`;
}

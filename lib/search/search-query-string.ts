import type { SearchRequest } from "./search-request";

export const DEFAULT_PAGE_SIZE = 20;

/** The URL query string for a request, omitting defaults, so links stay short and shareable. */
export function toSearchQueryString(request: Partial<SearchRequest>): string {
  const params = new URLSearchParams();
  if (request.q) params.set("q", request.q);
  if (request.from) params.set("from", request.from);
  if (request.to) params.set("to", request.to);
  for (const key of ["author", "role", "topic", "column", "source"] as const) {
    for (const value of request[key] ?? []) params.append(key, value);
  }
  for (const edition of request.edition ?? []) params.append("edition", String(edition));
  if (request.sort && request.sort !== "relevance") params.set("sort", request.sort);
  if (request.size && request.size !== DEFAULT_PAGE_SIZE) params.set("size", String(request.size));
  if (request.page && request.page > 1) params.set("page", String(request.page));
  return params.toString();
}

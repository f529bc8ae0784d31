import { EngineUnavailableError } from "@/lib/search/engine/errors";
import { searchArticles, SearchInputError, type SearchResult } from "@/lib/search/search-articles";
import { parseSearchRequest, type SearchRequest } from "@/lib/search/search-request";

export type SearchPageOutcome =
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; request: SearchRequest }
  | { kind: "ok"; request: SearchRequest; result: SearchResult };

/** Everything the results page needs, with bad input and a down engine as states. */
export async function runSearchPage(params: Record<string, string | string[] | undefined>): Promise<SearchPageOutcome> {
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) return { kind: "invalid", message: parsed.message };
  try {
    return { kind: "ok", request: parsed.request, result: await searchArticles(parsed.request) };
  } catch (error) {
    if (error instanceof SearchInputError) return { kind: "invalid", message: error.message };
    if (error instanceof EngineUnavailableError) return { kind: "unavailable", request: parsed.request };
    throw error;
  }
}

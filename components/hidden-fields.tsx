import type { SearchRequest } from "@/lib/search/search-request";
import { toSearchQueryString } from "@/lib/search/search-query-string";

/**
 * The parts of a search a GET form does not edit itself, as hidden inputs, so
 * that submitting the form keeps them (and drops the page number).
 */
export function HiddenFields({ request }: { request: Partial<SearchRequest> }) {
  const params = new URLSearchParams(toSearchQueryString({ ...request, page: 1 }));
  return (
    <>
      {[...params.entries()].map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

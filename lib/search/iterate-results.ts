import type { Article } from "@/lib/article/types";
import { searchArticles, type SearchContext, getSearchContext } from "./search-articles";
import type { SearchRequest } from "./search-request";

/** Every article of a result set, page by page in result order, up to `limit`. */
export async function* iterateResultPages(
  request: SearchRequest,
  limit: number,
  context: SearchContext = getSearchContext(),
): AsyncGenerator<Article[]> {
  const size = 100;
  let delivered = 0;
  for (let page = 1; delivered < limit; page++) {
    const result = await searchArticles({ ...request, page, size }, context);
    const articles = result.hits.slice(0, limit - delivered).map((hit) => hit.article);
    if (articles.length === 0) return;
    delivered += articles.length;
    yield articles;
    if (page >= result.totalPages) return;
  }
}

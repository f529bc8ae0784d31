import type { Article, ArticleSummary } from "@/lib/article/types";
import { compareByPrintOrder, listArticles } from "./article-list";
import { buildEqualsCondition, buildNotEqualsCondition, FILTER_ATTRIBUTES, joinAllOf, toDayNumber } from "./filter";
import type { SearchContext } from "./search-articles";

/** Articles around one article: the rest of its page and issue, and more by its authors. */

export type IssueNeighbours = { samePage: ArticleSummary[]; otherPages: ArticleSummary[] };

const MAX_ISSUE_ARTICLES = 500;

/** The other articles printed in the same paper on the same day, split into same page and other pages. */
export async function getIssueNeighbours(article: Article, context?: SearchContext): Promise<IssueNeighbours> {
  const day = article.date ? toDayNumber(article.date) : null;
  if (day === null) return { samePage: [], otherPages: [] };
  const filter = joinAllOf([
    `${FILTER_ATTRIBUTES.dateDay} = ${day}`,
    buildEqualsCondition(FILTER_ATTRIBUTES.source, article.source),
    buildNotEqualsCondition(FILTER_ATTRIBUTES.id, article.id),
  ]);
  const { articles } = await listArticles({ filter: filter ?? "", limit: MAX_ISSUE_ARTICLES }, context);
  const ordered = articles.sort(compareByPrintOrder);
  const onSamePage = (other: ArticleSummary) => article.page !== null && other.page === article.page;
  return { samePage: ordered.filter(onSamePage), otherPages: ordered.filter((other) => !onSamePage(other)) };
}

export type AuthorWorks = { name: string; total: number; articles: ArticleSummary[] };

/** For each author of the article, their latest other articles and how many there are in all. */
export async function getMoreByAuthors(article: Article, limit: number, context?: SearchContext): Promise<AuthorWorks[]> {
  const names = [...new Set(article.authors.map((author) => author.name))];
  return Promise.all(
    names.map(async (name) => {
      const filter = joinAllOf([
        buildEqualsCondition(FILTER_ATTRIBUTES.authors, name),
        buildNotEqualsCondition(FILTER_ATTRIBUTES.id, article.id),
      ]);
      const { articles, total } = await listArticles({ filter: filter ?? "", limit, sort: ["dateDay:desc"] }, context);
      return { name, total, articles };
    }),
  );
}

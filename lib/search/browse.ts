import type { ArticleSummary } from "@/lib/article/types";
import { compareByPrintOrder, listArticles } from "./article-list";
import { toIsoDate } from "./dates";
import { countFacetValues, type ValueCount } from "./facet-values";
import { FILTER_ATTRIBUTES, quoteFilterValue, toDayNumber } from "./filter";
import type { SearchContext } from "./search-articles";

/**
 * The archive as a calendar of issues: which years, months and days are
 * present, and what each day printed, page by page.
 */

export type IssueCalendar = {
  /** Years with dated articles (value "2019"), ascending. */
  years: ValueCount[];
  /** Months with dated articles (value "2019-02"), ascending. */
  months: ValueCount[];
  undated: number;
};

/** More than any one day prints: a full 人民日报 day has about 200 articles. */
const MAX_ARTICLES_PER_DAY = 1000;

export async function getIssueCalendar(context?: SearchContext): Promise<IssueCalendar> {
  const { total, counts } = await countFacetValues(["year", "yearMonth"], null, context);
  const years = toAscending(counts.year);
  const dated = years.reduce((sum, year) => sum + year.count, 0);
  return { years, months: toAscending(counts.yearMonth), undated: Math.max(0, total - dated) };
}

/** Days (value "2019-02-21") of the given months that have articles, ascending. */
export async function getIssueDays(yearMonths: readonly string[], context?: SearchContext): Promise<ValueCount[]> {
  if (yearMonths.length === 0) return [];
  const filter = `yearMonth IN [${yearMonths.map(quoteFilterValue).join(", ")}]`;
  const { counts } = await countFacetValues(["dateDay"], filter, context);
  return toAscending(counts.dateDay).map(({ value, count }) => ({ value: toIsoDate(Number(value)), count }));
}

export type IssuePage = { page: number | null; articles: ArticleSummary[] };
export type Issue = { source: string; pages: IssuePage[] };

/** Everything printed on one day, paper by paper and page by page. */
export async function getIssuesOfDay(date: string, context?: SearchContext): Promise<Issue[]> {
  const day = toDayNumber(date);
  if (day === null) return [];
  const { articles } = await listArticles({ filter: `${FILTER_ATTRIBUTES.dateDay} = ${day}`, limit: MAX_ARTICLES_PER_DAY }, context);
  return groupIntoIssues(articles);
}

export function groupIntoIssues(articles: readonly ArticleSummary[]): Issue[] {
  const issues: Issue[] = [];
  for (const article of [...articles].sort(compareByPrintOrder)) {
    let issue = issues.at(-1);
    if (issue?.source !== article.source) {
      issue = { source: article.source, pages: [] };
      issues.push(issue);
    }
    let page = issue.pages.at(-1);
    if (!page || page.page !== article.page) {
      page = { page: article.page, articles: [] };
      issue.pages.push(page);
    }
    page.articles.push(article);
  }
  return issues;
}

export type RecentIssue = { date: string; count: number; sources: string[] };

/** The latest days in the archive, newest first, with the papers printed that day. */
export async function getRecentIssues(limit: number, context?: SearchContext): Promise<RecentIssue[]> {
  const calendar = await getIssueCalendar(context);
  // The latest days lie in the latest months; `limit` months hold at least `limit` days.
  const latestMonths = calendar.months.slice(-limit).map((month) => month.value);
  const days = (await getIssueDays(latestMonths, context)).slice(-limit).reverse();
  const sources = await Promise.all(
    days.map(async ({ value }) => {
      const { counts } = await countFacetValues(["source"], `${FILTER_ATTRIBUTES.dateDay} = ${toDayNumber(value) ?? -1}`, context);
      return (counts.source ?? []).map((source) => source.value).sort((a, b) => a.localeCompare(b, "zh-CN"));
    }),
  );
  return days.map(({ value, count }, index) => ({ date: value, count, sources: sources[index] ?? [] }));
}

/** Facet values that are dates or day numbers, in calendar order (shorter numbers first). */
function toAscending(values: readonly ValueCount[] | undefined): ValueCount[] {
  return [...(values ?? [])].sort((a, b) => a.value.length - b.value.length || a.value.localeCompare(b.value));
}

import type { Article, Author } from "@/lib/article/types";

/**
 * Citations of a newspaper article.
 *
 * GB/T 7714-2015 (newspaper, 4.4 连续出版物中的析出文献):
 *   主要责任者. 题名[N]. 报纸名, 出版日期(版次).
 * Up to three authors are listed, then ", 等". Writers are the responsible persons;
 * an item with only photographers (a photo) is credited to them. With no
 * author the citation starts with the title.
 *
 * APA 7 (newspaper article): Author, A., & Author, B. (2019, February 21). Title. Newspaper, page. URL
 * Chinese names are written in full, as APA advises for names without initials.
 */

export type CitationInput = Pick<Article, "title" | "subtitle" | "authors" | "source" | "date" | "page">;

const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The people a citation names: writers; photographers only when nobody else is credited. */
export function selectCitedAuthors(authors: readonly Author[]): string[] {
  const writers = authors.filter((author) => author.role !== "摄影");
  const chosen = writers.length > 0 ? writers : authors;
  return [...new Set(chosen.map((author) => author.name))];
}

export function formatGbt7714(article: CitationInput): string {
  const names = selectCitedAuthors(article.authors);
  const responsible = names.length > 3 ? `${names.slice(0, 3).join(", ")}, 等` : names.join(", ");
  const title = article.subtitle && article.subtitle.startsWith("——") ? `${article.title}${article.subtitle}` : article.title;
  const issue = article.date ? `, ${article.date}${article.page !== null ? `(${article.page})` : ""}` : "";
  return `${responsible ? `${responsible}. ` : ""}${title}[N]. ${article.source}${issue}.`;
}

export function formatApa(article: CitationInput, url: string): string {
  const names = selectCitedAuthors(article.authors);
  const authorPart = formatApaAuthors(names);
  const datePart = `(${formatApaDate(article.date)})`;
  const title = article.title.replace(/[.。]$/, "");
  const lead = authorPart ? `${authorPart} ${datePart}. ${title}.` : `${title}. ${datePart}.`;
  const page = article.page !== null ? `, ${article.page}` : "";
  return `${lead} ${article.source}${page}. ${url}`;
}

function formatApaAuthors(names: readonly string[]): string {
  if (names.length === 0) return "";
  if (names.length === 1) return `${names[0]}.`;
  if (names.length <= 20) return `${names.slice(0, -1).join(", ")}, & ${names[names.length - 1]}.`;
  return `${names.slice(0, 19).join(", ")}, … ${names[names.length - 1]}.`;
}

function formatApaDate(date: string | null): string {
  if (!date) return "n.d.";
  const [year, month, day] = date.split("-").map(Number);
  const monthName = month ? ENGLISH_MONTHS[month - 1] : undefined;
  return monthName && day ? `${year}, ${monthName} ${day}` : String(year);
}

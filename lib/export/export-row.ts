import type { Article } from "@/lib/article/types";

/** The parts of an article an export reads: exports fetch only these (lib/search/iterate-results.ts). */
export type ExportArticle = Pick<Article, "id" | "date" | "source" | "page" | "column" | "title" | "subtitle" | "authors">;

/** One exported record: what a librarian needs to find and cite the article. */
export type ExportRow = {
  id: string;
  date: string | null;
  paper: string;
  page: number | null;
  column: string | null;
  title: string;
  subtitle: string | null;
  authors: Array<{ name: string; role: string | null }>;
  permalink: string;
};

export function toExportRow(article: ExportArticle, baseUrl: string): ExportRow {
  return {
    id: article.id,
    date: article.date,
    paper: article.source,
    page: article.page,
    column: article.column,
    title: article.title,
    subtitle: article.subtitle,
    authors: article.authors.map((author) => ({ name: author.name, role: author.role })),
    permalink: toPermalink(baseUrl, article.id),
  };
}

/** The article's page on this site, absolute. */
export function toPermalink(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/$/, "")}/articles/${id}`;
}

/** 记者:王昊男; 摄影:严贵旺 — role first, as bylines print it. */
export function formatAuthorsWithRoles(authors: ExportRow["authors"]): string {
  return authors.map((author) => (author.role ? `${author.role}:${author.name}` : author.name)).join("; ");
}

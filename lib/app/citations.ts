import { headers } from "next/headers";
import type { Article } from "@/lib/article/types";
import { formatApa, formatGbt7714 } from "@/lib/citation/format-citation";

/** The article's absolute address as the reader reached the site (citations need a full URL). */
export async function buildPermalink(id: string): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}/articles/${id}`;
}

export function buildCitations(article: Article, permalink: string): Array<{ label: string; text: string }> {
  return [
    { label: "GB/T 7714-2015", text: formatGbt7714(article) },
    { label: "APA", text: formatApa(article, permalink) },
  ];
}

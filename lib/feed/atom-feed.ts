import { escapeXml } from "@/lib/text/escape-xml";

/**
 * An Atom 1.0 (RFC 4287) document from plain values. Every value is text and
 * is escaped here (escape-xml.ts also drops characters XML 1.0 forbids), so no
 * caller can produce a feed a strict reader rejects.
 */

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

export type AtomEntry = {
  /** A permanent IRI: the article's permalink. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  link: string;
  authors: string[];
  summary: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  updated: string;
  selfLink: string;
  /** The same results as a web page. */
  alternateLink: string;
  /** Feed-level author, required by Atom for entries that have none of their own. */
  author: string;
  entries: AtomEntry[];
};

export function renderAtomFeed(feed: AtomFeed): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="${ATOM_NAMESPACE}" xml:lang="zh-CN">`,
    element("id", feed.id, 1),
    element("title", feed.title, 1),
    element("subtitle", feed.subtitle, 1),
    element("updated", feed.updated, 1),
    link("self", ATOM_CONTENT_TYPE.split(";")[0] ?? "", feed.selfLink, 1),
    link("alternate", "text/html", feed.alternateLink, 1),
    `  <author>${element("name", feed.author, 0)}</author>`,
    ...feed.entries.map(renderEntry),
    `</feed>`,
    "",
  ].join("\n");
}

function renderEntry(entry: AtomEntry): string {
  return [
    `  <entry>`,
    element("id", entry.id, 2),
    element("title", entry.title, 2),
    element("updated", entry.updated, 2),
    link("alternate", "text/html", entry.link, 2),
    ...entry.authors.map((name) => `    <author>${element("name", name, 0)}</author>`),
    element("summary", entry.summary, 2),
    `  </entry>`,
  ].join("\n");
}

function element(name: string, text: string, depth: number): string {
  // Atom's text constructs default to type="text": the reader shows the value as is, markup included.
  return `${"  ".repeat(depth)}<${name}>${escapeXml(text)}</${name}>`;
}

function link(rel: string, type: string, href: string, depth: number): string {
  return `${"  ".repeat(depth)}<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
}

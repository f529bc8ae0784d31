import fs from "node:fs";
import path from "node:path";
import type { Author, ParsedArticle } from "@/lib/article/types";
import { isPersonName } from "@/lib/byline/names";
import { squash } from "@/lib/text/squash";
import { parseRmrbArticle } from "../parsers/rmrb-article";
import { readDateFromPath } from "../path-date";
import { hasPrintableBody, isHeadlineShaped, isOneReport } from "./report-shape";
import type { SourceArticle, SourceBlock } from "./source-article";
import { RMRB_MONTHS, type PageSplit } from "./splits";

/** Credits a page prints in its own credit line (版式设计：蔡华伟), as opposed to sources (数据来源). */
const PAGE_CREDIT_ROLES: ReadonlySet<string> = new Set(["版式设计", "制图", "美术编辑", "美编", "图表制作", "插图", "责编", "责任编辑"]);

/**
 * The rmrb articles of one split: only the split's month folders are read. Files whose item
 * boundaries are not the file's own (several items, a second dateline) are skipped, because a
 * page would print them as several items.
 */
export function readRmrbSources(rmrbRoot: string, split: PageSplit): SourceArticle[] {
  return RMRB_MONTHS[split].flatMap((month) => {
    const monthRoot = path.join(rmrbRoot, month);
    if (!fs.existsSync(monthRoot)) return [];
    return listDayFiles(monthRoot).flatMap((file) => {
      const relPath = `${month}/${file}`;
      const text = fs.readFileSync(path.join(rmrbRoot, relPath), "utf8");
      const article = readArticle(text, relPath);
      if (article === null || !hasPrintableBody(article) || !isOneReport(text, article)) return [];
      return [toSource(article)];
    });
  });
}

/** DAY/FILE.txt paths under one month folder (the rmrb layout), sorted. */
function listDayFiles(monthRoot: string): string[] {
  return fs
    .readdirSync(monthRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((day) => fs.readdirSync(path.join(monthRoot, day.name)).filter((name) => name.endsWith(".txt")).map((name) => `${day.name}/${name}`))
    .sort();
}

function readArticle(text: string, relPath: string): ParsedArticle | null {
  const { date, page, position } = readDateFromPath(relPath);
  if (date === null) return null;
  return parseRmrbArticle(text, { sourceFile: relPath, source: "人民日报", date, dateSource: "path", page, position });
}

function toSource(article: ParsedArticle): SourceArticle {
  const printable = (line: string | null) => {
    const squashed = line === null ? null : squash(line);
    return squashed !== null && isHeadlineShaped(squashed) ? squashed : null;
  };
  return {
    key: article.sourceKey ?? article.sourceFile,
    origin: "rmrb",
    date: article.date ?? "",
    column: article.column,
    kicker: printable(article.kicker),
    title: article.titleDerived ? null : printable(article.title),
    subtitle: printable(article.subtitle),
    blocks: article.blocks.flatMap((block): SourceBlock[] => {
      const text = block.kind === "table" ? "" : squash(block.text);
      return block.kind === "table" || text === "" ? [] : [{ kind: block.kind, text }];
    }),
    authors: selectPeople(article.authors.filter((author) => author.role !== "摄影")),
    photographers: selectPeople(article.authors.filter((author) => author.role === "摄影")),
    pageCredits: article.credits.filter((credit) => PAGE_CREDIT_ROLES.has(credit.role) && isPersonName(credit.name)),
    dateline: article.dateline,
    kind: article.kind === "photo" ? "photo" : "article",
  };
}

/** Person names only, each once (an institutional pen name such as 钟声 is not a person byline). */
function selectPeople(authors: readonly Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((author) => {
    const wanted = isPersonName(author.name) && author.role !== "评论员" && !seen.has(author.name);
    if (wanted) seen.add(author.name);
    return wanted;
  });
}

import { drawSources } from "../corpus";
import { chance, drawInt, pickOne, shuffle } from "../draw";
import { rmrbArticles } from "../pools";
import { listParagraphs, type SourceArticle } from "../source-article";
import { findBodyStart, stackItems, type FamilyBuilder, type PageContext, type PrintedItem, type PrintedLine } from "../printed-item";
import { drawRegionTable, extractFigureTable, printTableRows, type TableData } from "../table-data";
import { printBylineEndArticle } from "./byline-end";
import { printDatelineStartArticle } from "./dateline-start";

const INTROS = ["现将有关情况通报如下。", "具体数据见下表。", "主要数据如下。", "有关数据如下："];

/** The table's rows and notes, all labelled `table`. */
function printTable(table: TableData): PrintedLine[] {
  return [...printTableRows(table), ...table.notes].map((text) => ({ text, label: "table" as const }));
}

/** A table item: headline, sometimes a period line and a one-line intro, the rows and the notes. */
function printTableItem(table: TableData, isoDate: string, context: PageContext): PrintedItem {
  const { random } = context;
  const lines: PrintedLine[] = [{ text: table.title, label: "title" }];
  if (chance(random, 0.3)) lines.push({ text: `（${isoDate.replaceAll("-", ".")}）`, label: "subtitle" });
  if (chance(random, 0.3)) lines.push({ text: pickOne(random, INTROS), label: "start" });
  return { kind: "table", lines: [...lines, ...printTable(table)], authors: [] };
}

/** An article with a table set after one of its paragraphs (its own figures when it states enough). */
function printArticleWithTable(source: SourceArticle, context: PageContext): PrintedItem {
  const { random } = context;
  const article = (chance(random, 0.5) ? printBylineEndArticle : printDatelineStartArticle)(source, context);
  const table = extractFigureTable(listParagraphs(source), source.title ?? "") ?? drawRegionTable(source.date, random);
  const bodyStart = findBodyStart(article.lines);
  const lastBody = article.lines.findLastIndex((line) => line.label === "para" || line.label === "start");
  const at = bodyStart === -1 || lastBody < bodyStart ? article.lines.length : drawInt(random, bodyStart + 1, lastBody + 1);
  const lines = [...article.lines.slice(0, at), ...printTable(table), ...article.lines.slice(at)];
  return { ...article, lines };
}

export const buildTablesPage: FamilyBuilder = (context) => {
  const { corpus, random, itemCount } = context;
  const sources = drawSources(rmrbArticles(corpus), itemCount, random);
  const date = sources[0]?.date ?? "";
  const tableCount = drawInt(random, 1, Math.min(2, itemCount - 1));
  const items = sources.map((source, index): PrintedItem => {
    if (index < tableCount) {
      const table = chance(random, 0.3) ? extractFigureTable(listParagraphs(source), source.title ?? "") : null;
      return printTableItem(table ?? drawRegionTable(date, random), date, context);
    }
    if (index === tableCount && chance(random, 0.6)) return printArticleWithTable(source, context);
    return (chance(random, 0.5) ? printBylineEndArticle : printDatelineStartArticle)(source, context);
  });
  return stackItems(shuffle(random, items), date);
};

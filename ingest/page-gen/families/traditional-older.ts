import { appendClosingByline, drawBrackets, drawWriters } from "../bylines";
import { drawSources } from "../corpus";
import { chance, pickWeighted } from "../draw";
import { printOlder } from "../older-print";
import { drawArticlePool } from "../pools";
import { drawBodyBudget, printBody, printHeadlines, splitOpening } from "../print-body";
import { printSources, type FamilyBuilder, type ItemPrinter } from "../printed-item";
import { formatParenByline } from "@/lib/byline/format";
import type { SourceArticle } from "../source-article";

/**
 * An older Traditional-script paper: no dateline and no 本报讯, 、 as the main punctuation, and
 * mostly no byline; where there is one it is a name in brackets, closing the item or under the
 * headline.
 */
export const printTraditionalArticle: ItemPrinter<SourceArticle> = (source, context) => {
  const { random, corpus } = context;
  const lines = [...printHeadlines(source, { kicker: chance(random, 0.4), subtitle: chance(random, 0.5) })];
  const body = printBody(source, splitOpening(source).rest, drawBodyBudget(random));
  const form = pickWeighted(random, [["none", 0.55], ["closing", 0.3], ["underHeadline", 0.15]] as const);
  const names = drawWriters(source, corpus, random).map((writer) => writer.name).slice(0, 2);
  const byline = formatParenByline(names, drawBrackets(random));
  if (form === "underHeadline") lines.push({ text: byline.text, label: "penname" });
  lines.push(...body);
  if (form === "closing") appendClosingByline(lines, byline, random, 0.3);
  return printOlder({ kind: "article", lines, authors: form === "none" ? [] : byline.authors }, random);
};

export const buildTraditionalPage: FamilyBuilder = (context) =>
  printSources(drawSources(drawArticlePool(context.corpus, context.random), context.itemCount, context.random), printTraditionalArticle, context);

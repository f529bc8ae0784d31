import { drawSources } from "../corpus";
import { chance } from "../draw";
import { appendClosingByline, drawClosingByline, drawWriters } from "../bylines";
import { drawArticlePool } from "../pools";
import { drawBodyBudget, printBody, printHeadlines, splitOpening } from "../print-body";
import { printSources, type FamilyBuilder, type ItemPrinter, type PrintedItem } from "../printed-item";
import type { SourceArticle } from "../source-article";

/**
 * The seed pages' habit (a provincial daily): headline lines, 本报讯 or no dateline, and the
 * byline closing the item — （李静）, (李静、王五) or 记者 张三 通讯员 李四 — on its own line or
 * right after the last sentence.
 */
export const printBylineEndArticle: ItemPrinter<SourceArticle> = (source, context) => {
  const { random, corpus } = context;
  const { dateline, rest } = splitOpening(source);
  const benbao = chance(random, dateline === null ? 0.35 : 0.75);
  const opening = benbao ? `本报讯${chance(random, 0.8) ? " " : ""}${rest}` : rest;
  const lines = [...printHeadlines(source, { kicker: chance(random, 0.6), subtitle: chance(random, 0.6) }), ...printBody(source, opening, drawBodyBudget(random))];
  const byline = drawClosingByline(drawWriters(source, corpus, random), random);
  appendClosingByline(lines, byline, random);
  return { kind: "article", lines, authors: byline.authors } satisfies PrintedItem;
};

export const buildBylineEndPage: FamilyBuilder = (context) =>
  printSources(drawSources(drawArticlePool(context.corpus, context.random), context.itemCount, context.random), printBylineEndArticle, context);

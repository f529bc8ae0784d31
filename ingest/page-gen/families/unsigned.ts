import { drawSources } from "../corpus";
import { chance } from "../draw";
import { drawArticlePool } from "../pools";
import { drawBodyBudget, printBody, printHeadlines, splitOpening } from "../print-body";
import { printSources, type FamilyBuilder, type ItemPrinter } from "../printed-item";
import type { SourceArticle } from "../source-article";

/**
 * No bylines at all: only headlines — and, for the items printed without one, the look of the
 * text — tell where an item starts. A dateline without a byline (本报讯, 新华社北京2月3日电) is kept
 * on some items, since it is part of the report, not a signature.
 */
export const printUnsignedArticle: ItemPrinter<SourceArticle> = (source, context) => {
  const { random } = context;
  const { dateline, rest } = splitOpening(source);
  const opening = dateline !== null && chance(random, 0.4) ? `${dateline}${chance(random, 0.6) ? " " : ""}${rest}` : rest;
  const headlines = chance(random, 0.2) ? [] : printHeadlines(source, { kicker: chance(random, 0.5), subtitle: chance(random, 0.5) });
  return { kind: "article", lines: [...headlines, ...printBody(source, opening, drawBodyBudget(random))], authors: [] };
};

export const buildUnsignedPage: FamilyBuilder = (context) =>
  printSources(drawSources(drawArticlePool(context.corpus, context.random), context.itemCount, context.random), printUnsignedArticle, context);

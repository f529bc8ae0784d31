import { formatPenName } from "@/lib/byline/format";
import { drawBrackets } from "../bylines";
import { drawSources } from "../corpus";
import { chance } from "../draw";
import { drawPenName } from "../pen-names";
import { proseArticles } from "../pools";
import { drawBodyBudget, printBody, printHeadlines, splitOpening } from "../print-body";
import { printSources, type FamilyBuilder, type ItemPrinter } from "../printed-item";
import type { SourceArticle } from "../source-article";

/**
 * 副刊 style: title (and kicker or subtitle where the piece has one), then the writer's pen name in
 * brackets on its own line — （海客） — then the prose; nothing closes the piece.
 */
export const printPenNameArticle: ItemPrinter<SourceArticle> = (source, context) => {
  const { random } = context;
  const real = source.authors.find((author) => author.role === null || author.role === "作者");
  const byline = formatPenName(real && chance(random, 0.3) ? real.name : drawPenName(random), drawBrackets(random));
  const headlines = printHeadlines(source, { kicker: chance(random, 0.5), subtitle: chance(random, 0.7) });
  const body = printBody(source, splitOpening(source).rest, drawBodyBudget(random));
  return { kind: "article", lines: [...headlines, { text: byline.text, label: "penname" }, ...body], authors: byline.authors };
};

export const buildPenNamePage: FamilyBuilder = (context) =>
  printSources(drawSources(proseArticles(context.corpus), context.itemCount, context.random), printPenNameArticle, context);

import type { Author } from "@/lib/article/types";
import { formatListedRoleByline, formatNames, formatOpeningByline, formatSignature, hasReporterRole, type FormattedByline } from "@/lib/byline/format";
import type { Random } from "@/lib/random/seeded-random";
import { drawBrackets, drawWriters, printReporterLine } from "../bylines";
import { drawSources } from "../corpus";
import { chance, pickWeighted } from "../draw";
import { rmrbArticles } from "../pools";
import { drawBodyBudget, printBody, printHeadlines, splitOpening } from "../print-body";
import { printSources, type FamilyBuilder, type ItemPrinter, type PrintedLine } from "../printed-item";
import type { SourceArticle } from "../source-article";

const NO_BYLINE: FormattedByline = { text: "", authors: [] };

/**
 * 人民日报 style: all headline lines, the first paragraph opening with the dateline that carries
 * the byline (本报北京5月1日电（记者 王某、李某）), subheads inside, no closing signature. Items
 * without a dateline open with 本报讯（记者 …）, carry 本报记者 … under the headline, or are unsigned.
 */
export const printDatelineStartArticle: ItemPrinter<SourceArticle> = (source, context) => {
  const { random, corpus } = context;
  const { dateline, rest } = splitOpening(source);
  const headlines = printHeadlines(source);
  const gap = chance(random, 0.5) ? " " : "";
  let opening = rest;
  let byline = NO_BYLINE;
  if (dateline !== null) {
    byline = source.authors.length > 0 ? formatOpeningByline(dateline, drawInnerByline(source.authors, random), drawBrackets(random)) : { text: dateline, authors: [] };
    opening = `${byline.text}${gap}${rest}`;
  } else {
    const form = pickWeighted(random, [["benbao", 0.35], ["reporterLine", source.authors.length > 0 ? 0.4 : 0.1], ["none", 0.25]] as const);
    const writers = drawWriters(source, corpus, random);
    if (form === "benbao") {
      const reporters: Author[] = writers.map((writer) => ({ name: writer.name, role: hasReporterRole(writer) ? writer.role : "记者" }));
      byline = formatOpeningByline("本报讯", formatListedRoleByline(reporters), drawBrackets(random));
      opening = `${byline.text}${gap}${rest}`;
    } else if (form === "reporterLine") {
      const printed = writers.every(hasReporterRole) ? printReporterLine(writers, source.dateline?.startsWith("新华社") ? "新华社" : "本报") : namesLine(writers);
      headlines.push(printed.line);
      byline = printed.byline;
    }
  }
  return { kind: "article", lines: [...headlines, ...printBody(source, opening, drawBodyBudget(random))], authors: byline.authors };
};

/** Reporters with their role word (记者 王昊男、李红梅), or names only as 新华社 often prints them. */
function drawInnerByline(authors: readonly Author[], random: Random): FormattedByline {
  const allReporters = authors.every(hasReporterRole);
  return allReporters && chance(random, 0.75) ? formatListedRoleByline(authors) : formatNames(authors.map((author) => author.name));
}

/** A writer's bare name under the headline (opinion pieces). */
function namesLine(writers: readonly Author[]): { line: PrintedLine; byline: FormattedByline } {
  const byline = formatSignature(writers.map((writer) => writer.name));
  return { line: { text: byline.text, label: "penname" }, byline };
}

export const buildDatelineStartPage: FamilyBuilder = (context) =>
  printSources(drawSources(rmrbArticles(context.corpus), context.itemCount, context.random), printDatelineStartArticle, context);

import type { Random } from "@/lib/random/seeded-random";
import { drawSources } from "../corpus";
import { chance, drawInt, pickWeighted } from "../draw";
import { drawColumnedPool } from "../pools";
import { printSources, type FamilyBuilder, type ItemPrinter, type PrintedLine } from "../printed-item";
import type { SourceArticle } from "../source-article";
import { printAgencyItem } from "./agency";
import { printDatelineStartArticle } from "./dateline-start";

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/**
 * Headline groups with everything above and below the title: the column tag on its own line
 * (环球走笔, 【人民时评】), the kicker, and the series line (——…系列报道之四) under the title.
 */
export const printSeriesArticle: ItemPrinter<SourceArticle> = (source, context) => {
  const { random } = context;
  const subtitle = source.subtitle ?? (chance(random, 0.3) ? drawSeriesLine(source, random) : null);
  const printer = source.origin === "xwlb" ? printAgencyItem : printDatelineStartArticle;
  const item = printer({ ...source, column: null, subtitle }, context);
  const style = pickWeighted(random, [["plain", 0.5], ["bracketed", 0.4], ["none", 0.1]] as const);
  const column: PrintedLine[] = source.column && style !== "none" ? [{ text: style === "bracketed" ? `【${source.column}】` : source.column, label: "column" }] : [];
  return { ...item, lines: [...column, ...item.lines] };
};

/** ——“脱贫攻坚”系列报道之四, named after the column or the kicker. */
function drawSeriesLine(source: SourceArticle, random: Random): string | null {
  const name = source.column ?? source.kicker?.replace(/——$/u, "") ?? null;
  if (name === null || [...name].length > 16) return null;
  return `——“${name}”系列报道之${CHINESE_ORDINALS[drawInt(random, 0, CHINESE_ORDINALS.length - 1)] ?? "一"}`;
}

export const buildSeriesColumnsPage: FamilyBuilder = (context) =>
  printSources(drawSources(drawColumnedPool(context.corpus, context.random), context.itemCount, context.random), printSeriesArticle, context);

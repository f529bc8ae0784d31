import type { LineObservations } from "./line-observations";

/**
 * How this page marks its items, counted over all its lines: datelines, byline lines (closing
 * signatures or pen names under headlines), bylines after a last sentence. Items on one page
 * share a layout, so a headline-shaped line reads differently on a page whose items all close
 * with a byline (after a paragraph it is then a subhead) than on one where datelines open them.
 */
export type PageHabits = { datelines: string; bylineLines: string; trailing: string };

export function readPageHabits(observed: readonly LineObservations[]): PageHabits {
  const count = (feature: string) => observed.filter((line) => line.own.includes(feature)).length;
  const bucket = (n: number) => (n === 0 ? "0" : n <= 2 ? "1-2" : "3+");
  return {
    datelines: bucket(count("dateline")),
    bylineLines: bucket(count("bylineStrict") + count("bylinePen")),
    trailing: bucket(count("trailingByline") + count("trailingPen")),
  };
}

/**
 * Whether the line before closes an item (a byline line, a trailing byline, a photo credit), read
 * with how often the page's items close that way: on a page whose items end with bylines a
 * headline after an unclosed paragraph is more likely a subhead, whatever its subject.
 */
export function describeClosing(observed: readonly LineObservations[], i: number, habits: PageHabits): string {
  return `${habits.bylineLines}|${habits.trailing}|${closesItem(observed[i - 1])}`;
}

function closesItem(line: LineObservations | undefined): boolean {
  return line !== undefined && CLOSING_FEATURES.some((feature) => line.own.includes(feature));
}

const CLOSING_FEATURES = ["bylineStrict", "bylinePen", "trailingByline", "trailingPen", "photoCredit"];

export function combineWithHabits(observed: readonly LineObservations[], i: number, habits: PageHabits): string[] {
  const here = observed[i]!;
  const previous = observed[i - 1];
  const next = observed[i + 1];
  const has = (line: LineObservations | undefined, ...features: string[]) => line !== undefined && features.some((feature) => line.own.includes(feature));
  const closedBefore = closesItem(previous);
  const shape = here.headlineShaped ? "hs" : here.cut ? "cut" : "text";
  return [
    `habit|dateline|shape|ndate=${habits.datelines}|${shape}|${has(next, "dateline")}`,
    `habit|byline|shape|npen=${habits.bylineLines}|${shape}|${has(next, "bylinePen", "bylineStrict")}`,
    `habit|byline|shape|closed=${habits.bylineLines}|${habits.trailing}|${shape}|${closedBefore}`,
    `habit|all|shape=${habits.datelines}|${habits.bylineLines}|${habits.trailing}|${shape}`,
  ];
}


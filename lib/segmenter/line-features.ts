import { measureJoin, type JoinStrength } from "./dictionary-join";
import { observeLine, startClass, type LineObservations } from "./line-observations";
import { combineWithHabits, readPageHabits } from "./page-habits";
import type { PageLine } from "./page-lines";
import { findLaterJoin, findResumableLine, type JoinTable } from "./resume-evidence";
import { collectContentWords, compareContext, describeTopicShift, measureCohesion } from "./subject-features";

/**
 * The features of each line of a page, as strings (a linear model gives each a weight per
 * label). They describe the line itself (length, how it ends and starts, punctuation, dateline
 * and byline shapes from the byline grammar), its neighbours, and whether it continues a
 * sentence cut on an earlier line (a dictionary word across the join). Nothing here knows any
 * one paper's layout: what matters is learned from labelled pages of many layouts.
 */

export function extractPageFeatures(lines: readonly PageLine[]): string[][] {
  const observed = lines.map(observeLine);
  const cache = new Map<number, JoinStrength>();
  const join: JoinTable = (from, to) => {
    const key = from * 100_000 + to;
    let strength = cache.get(key);
    if (strength === undefined) cache.set(key, (strength = measureJoin(lines[from]!.norm, lines[to]!.norm)));
    return strength;
  };
  const habits = readPageHabits(observed);
  const words = lines.map((line) => collectContentWords(line.norm));
  return lines.map((_, i) => [...composeFeatures(lines, observed, i, join), ...combineWithHabits(observed, i, habits), ...describeTopicShift(words, observed, i)]);
}

function composeFeatures(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, join: JoinTable): string[] {
  const here = observed[i]!;
  const previous = observed[i - 1];
  const next = observed[i + 1];
  const features = ["bias", ...here.own];
  if (i === 0) features.push("firstLine");
  if (i === lines.length - 1) features.push("lastLine");
  features.push(`blankBefore=${Math.min(lines[i]!.blankBefore, 2)}`, `blankAfter=${Math.min(lines[i]!.blankAfter, 2)}`);
  for (const [prefix, other] of [["p", previous], ["n", next]] as const) {
    if (!other) {
      features.push(`${prefix}:none`);
      continue;
    }
    features.push(`${prefix}:end=${other.ends}`, `${prefix}:len=${other.length}`);
    for (const feature of other.own) if (CONTEXT_FEATURES.has(feature)) features.push(`${prefix}:${feature}`);
  }
  const beforePrevious = observed[i - 2];
  if (beforePrevious) features.push(`pp:end=${beforePrevious.ends}`, `pp:hs=${beforePrevious.headlineShaped}`);
  features.push(`end|nlen=${here.ends}|${next?.length ?? "none"}`, `pend|len=${previous?.ends ?? "none"}|${here.length}`);
  features.push(`hs|phs|nhs=${here.headlineShaped}|${previous?.headlineShaped ?? "none"}|${next?.headlineShaped ?? "none"}`);
  const line = lines[i]!;
  if (previous) {
    const joins = join(i - 1, i);
    features.push(`join=${joins}`, `pcut|join=${previous.cut}|${joins}`, `pcut|first=${previous.cut}|${startClass(line.norm)}`);
    if (previous.cut && joins < 2 && findLaterJoin(lines, observed, i, join)) features.push(`interruptAhead|join=${joins}`);
  }
  const cohesion = measureCohesion(lines, i);
  features.push(`coh=${cohesion}`, `coh|hs=${cohesion}|${here.headlineShaped}`, `coh|pend=${cohesion}|${previous?.ends ?? "none"}`);
  const resumable = findResumableLine(lines, observed, i, join);
  if (resumable !== null) {
    const closer = compareContext(lines, resumable.line, i);
    const recent = i > 0 ? join(i - 1, i) : 0;
    features.push(
      `resume=${resumable.strength}`,
      `resume|pjoin=${resumable.strength}|${recent}`,
      `resume|pcut|pjoin=${resumable.strength}|${previous?.cut ?? false}|${recent}`,
      `resume|coh=${resumable.strength}|${closer}`,
      `resume|coh|pjoin=${resumable.strength > recent}|${closer}`,
    );
  }
  return features;
}

/** Features of a neighbour that say most about a line's role. */
const CONTEXT_FEATURES: ReadonlySet<string> = new Set([
  "dateline", "bylineStrict", "bylinePen", "tab", "dashStart", "parenWhole", "bracketWhole", "dateOnly",
  "photoCredit", "creditLabel", "captionStart", "hs", "furniture", "trailingByline", "series",
]);


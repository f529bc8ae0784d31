import { observeLine, startClass, type LineObservations } from "./line-observations";
import { combineWithHabits, describeClosing, readPageHabits } from "./page-habits";
import type { PageLine } from "./page-lines";
import { findLaterJoin, findResumableLine, type JoinTables } from "./resume-evidence";
import { compareContext, compareContextInSpace, describeTopicShift, measureCohesion, measurePageSubjects, readPageWords } from "./subject-features";

/**
 * The features of each line of a page, as strings (a linear model gives each a weight per
 * label). They describe the line itself (length, how it ends and starts, punctuation, dateline
 * and byline shapes from the byline grammar), its neighbours, and whether it continues a
 * sentence cut on an earlier line (a dictionary word across the join). Nothing here knows any
 * one paper's layout: what matters is learned from labelled pages of many layouts.
 */

export function extractPageFeatures(lines: readonly PageLine[], tables: JoinTables): string[][] {
  const observed = lines.map(observeLine);
  const habits = readPageHabits(observed);
  const words = readPageWords(lines);
  const subjects = measurePageSubjects(lines, observed, tables.subjects);
  return lines.map((_, i) => [...composeFeatures(lines, observed, i, tables), ...combineWithHabits(observed, i, habits), ...describeTopicShift(words, observed, i, subjects, describeClosing(observed, i, habits))]);
}

function composeFeatures(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, tables: JoinTables): string[] {
  const { join, pair, words, triples } = tables;
  const here = observed[i]!;
  const previous = observed[i - 1];
  const next = observed[i + 1];
  const features = ["bias", ...here.own];
  // Page furniture is told by its look (星期五, 第4版), not by coming first: a page may open with a headline.
  if (i === 0) features.push("firstLine", `firstLine|furniture=${here.own.includes("furniture")}`);
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
    const paired = pair(i - 1, i);
    features.push(`join=${joins}`, `pcut|join=${previous.cut}|${joins}`, `pcut|first=${previous.cut}|${startClass(line.norm)}`);
    features.push(`pair=${paired}`, `pair|pcut|join=${paired}|${previous.cut}|${joins}`, `pair|pend|hs=${paired}|${previous.ends}|${here.headlineShaped}`);
    const worded = words(i - 1, i);
    const tripled = triples(i - 1, i);
    features.push(`words|pcut|join|pair=${worded}|${previous.cut}|${joins}|${paired}`, `triples|pcut|join|pair=${tripled}|${previous.cut}|${joins}|${paired}`);
    // Edge features (sequence-model.ts): weighed per pair of labels, so the same join can
    // count for a step from a body line and against one from a headline line.
    const stops = previous.own.find((feature) => feature.startsWith("stops=")) ?? "stops=0";
    features.push(
      `~pcut|join|pair=${previous.cut}|${joins}|${paired}`,
      `~pcut|join|words=${previous.cut}|${joins}|${worded}`,
      `~pcut|triples|pair=${previous.cut}|${tripled}|${paired}`,
      `~pend|hs=${previous.ends}|${here.headlineShaped}`,
      `~p${stops}|hs=${here.headlineShaped}`,
      `~first|dateline=${startClass(line.norm)}|${here.own.includes("dateline")}`,
    );
    if (previous.cut && (joins < 2 || paired !== "pair")) {
      const later = findLaterJoin(lines, observed, i, tables);
      if (later) features.push(`interruptAhead|join=${joins}`, `interruptAhead|by|join|pair=${later}|${joins}|${paired}`);
    }
  }
  if (next) features.push(`npair|cut|nhs=${pair(i, i + 1)}|${here.cut}|${next.headlineShaped}`, `npair|hs|njoin=${pair(i, i + 1)}|${here.headlineShaped}|${join(i, i + 1)}`);
  const cohesion = measureCohesion(lines, i);
  features.push(`coh=${cohesion}`, `coh|hs=${cohesion}|${here.headlineShaped}`, `coh|pend=${cohesion}|${previous?.ends ?? "none"}`);
  const resumable = findResumableLine(lines, observed, i, tables);
  if (previous) features.push(`~coh=${cohesion}`, `~resume|pjoin=${resumable ? `${resumable.strength}|${resumable.pair}` : "none"}|${join(i - 1, i)}`);
  if (resumable !== null) {
    const closer = compareContext(lines, resumable.line, i);
    const nearer = compareContextInSpace(lines, tables.subjects, resumable.line, i);
    const recent = i > 0 ? join(i - 1, i) : 0;
    const recentPair = i > 0 ? pair(i - 1, i) : "none";
    features.push(
      `resume|pair|ppair=${resumable.pair}|${recentPair}`,
      `resume|pair|ppair|pcut=${resumable.pair}|${recentPair}|${previous?.cut ?? false}`,
      `resume|join|pair|pjoin|ppair=${resumable.strength}|${resumable.pair}|${recent}|${recentPair}`,
      `resume=${resumable.strength}`,
      `resume|words|pwords=${words(resumable.line, i)}|${previous ? words(i - 1, i) : "none"}`,
      `resume|triples|ptriples=${triples(resumable.line, i)}|${previous ? triples(i - 1, i) : "none"}`,
      `resume|pjoin=${resumable.strength}|${recent}`,
      `resume|pcut|pjoin=${resumable.strength}|${previous?.cut ?? false}|${recent}`,
      `resume|coh=${resumable.strength}|${closer}`,
      `resume|coh|pjoin=${resumable.strength > recent}|${closer}`,
      `resume|space|pjoin=${resumable.strength > recent}|${nearer}`,
    );
  }
  return features;
}

/** Features of a neighbour that say most about a line's role. */
const CONTEXT_FEATURES: ReadonlySet<string> = new Set([
  "dateline", "bylineStrict", "bylinePen", "tab", "dashStart", "parenWhole", "bracketWhole", "dateOnly",
  "photoCredit", "creditLabel", "captionStart", "hs", "furniture", "trailingByline", "series",
]);


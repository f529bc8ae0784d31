import type { Author, AuthorRole } from "@/lib/article/types";
import { formatParenByline, formatRoleByline, hasReporterRole, type Brackets, type FormattedByline, type Organisation } from "@/lib/byline/format";
import { endsSentence } from "@/lib/byline/trailing-byline";
import { BODY_LABELS } from "@/lib/segmenter/labels";
import type { Random } from "@/lib/random/seeded-random";
import type { Corpus } from "./corpus";
import { chance, drawInt, pickOne, pickSome } from "./draw";
import type { PrintedLine } from "./printed-item";
import type { SourceArticle } from "./source-article";

/** At most this many names in one printed byline, as on the real pages. */
const MAX_BYLINE_NAMES = 3;

export function drawBrackets(random: Random): Brackets {
  return chance(random, 0.5) ? "full" : "ascii";
}

/**
 * The item's writers: the source's own, or — when the source names nobody but the family signs
 * every item — one or two real reporter names of the same split, as reporters.
 */
export function drawWriters(source: SourceArticle, corpus: Corpus, random: Random): Author[] {
  if (source.authors.length > 0) return source.authors.slice(0, MAX_BYLINE_NAMES);
  const role: AuthorRole | null = chance(random, 0.7) ? "记者" : null;
  return pickSome(random, corpus.reporterNames, drawInt(random, 1, 2)).map((name) => ({ name, role }));
}

/** A closing signature: （李静）/(李静、王五) with no role, or 记者 张三 通讯员 李四 where every writer is a reporter. */
export function drawClosingByline(writers: readonly Author[], random: Random, organisation: Organisation = null): FormattedByline {
  const withRoles = writers.every(hasReporterRole) && chance(random, 0.35);
  return withRoles ? formatRoleByline(writers, organisation) : formatParenByline(writers.map((writer) => writer.name), drawBrackets(random));
}

/**
 * Prints a closing byline on its own line (`byline`) or glued after the last sentence, where it
 * stays part of that body line (only after a complete sentence, as on the real pages).
 */
export function appendClosingByline(lines: PrintedLine[], byline: FormattedByline, random: Random, tailShare = 0.4): void {
  const last = lines.at(-1);
  if (last && BODY_LABELS.has(last.label) && endsSentence(last.text) && chance(random, tailShare)) last.text = `${last.text}${byline.text}`;
  else lines.push({ text: byline.text, label: "byline" });
}

/** 本报记者 张三 (新华社记者 for agency copy) on its own line under the headline (rmrb features): a `penname` line, roles stated. */
export function printReporterLine(writers: readonly Author[], organisation: Organisation): { line: PrintedLine; byline: FormattedByline } {
  const byline = formatRoleByline(writers, organisation);
  return { line: { text: byline.text, label: "penname" }, byline };
}

/** A real name of the split for an item that needs one. */
export function drawReporterName(corpus: Corpus, random: Random): string {
  return pickOne(random, corpus.reporterNames);
}

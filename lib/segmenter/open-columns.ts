import { endsSentence, splitTrailingByline } from "@/lib/byline/trailing-byline";
import { isTableRow, type PageLine } from "./page-lines";

/**
 * Interleaved columns as decoder state. A body line that stops mid-sentence and is followed by a
 * line that opens another item (a headline, a body start, a resumed column) leaves its
 * item waiting for the rest of the sentence; a `resume` line takes one waiting item back. The
 * decoder counts waiting items (0, 1, 2 or more) along each label sequence, so that a `resume`
 * needs a waiting item and a page that ends with items still waiting can cost something: the
 * model weighs whether a block breaks into a column together with whether a later line resumes
 * it, which a label-to-label transition cannot see. The counting follows `assemble-articles.ts`,
 * which suspends such items and resumes them.
 */

/** Waiting counts told apart: none, one, two or more. */
export const OPEN_STATES = 3;

export type OpenColumnRules = {
  resume: number;
  /** Per label: a paragraph line, whose item waits when the next line opens another item. */
  body: readonly boolean[];
  /** Per label: the line opens an item (or takes a waiting one back) after a body line. */
  opens: readonly boolean[];
};

const BODY_LABELS: ReadonlySet<string> = new Set(["start", "para", "cont", "resume"]);
/**
 * A caption or page furniture after an unfinished line is left out: what breaks into a column is
 * another item's headline or text, and a headline read as a paragraph before a photo's caption
 * would otherwise hold an item open for a false `resume` (fixture long-feature.txt).
 */
const OPENING_LABELS: ReadonlySet<string> = new Set(["column", "kicker", "title", "subtitle", "penname", "start", "resume"]);

/** The rules for a label set, or null when it has no `resume` label (then nothing is counted). */
export function readOpenColumnRules(labels: readonly string[]): OpenColumnRules | null {
  const resume = labels.indexOf("resume");
  if (resume < 0) return null;
  return { resume, body: labels.map((label) => BODY_LABELS.has(label)), opens: labels.map((label) => OPENING_LABELS.has(label)) };
}

/**
 * The waiting count after a line with `label`, given the count before it, the label before it
 * (null on the first line) and whether the line before it stops mid-sentence; −1 when the label
 * is impossible there (a `resume` with nothing waiting).
 */
export function stepOpenColumns(rules: OpenColumnRules | null, open: number, previous: number | null, label: number, previousUnfinished: boolean): number {
  if (rules === null) return 0;
  const resumes = label === rules.resume;
  if (resumes && open === 0) return -1;
  const suspends = previous !== null && previousUnfinished && rules.body[previous]! && rules.opens[label]!;
  return Math.min(OPEN_STATES - 1, open - (resumes ? 1 : 0) + (suspends ? 1 : 0));
}

/**
 * The waiting count before each line and after the last, along a given label sequence. A
 * `resume` with nothing waiting (a labelled page can hold one when the cut line looked finished)
 * counts as taking nothing back.
 */
export function traceOpenColumns(rules: OpenColumnRules | null, labels: readonly number[], unfinished: readonly boolean[]): number[] {
  const counts = [0];
  labels.forEach((label, i) => {
    const open = counts[i]!;
    const next = stepOpenColumns(rules, open, i === 0 ? null : labels[i - 1]!, label, i > 0 && unfinished[i - 1]!);
    counts.push(next < 0 ? open : next);
  });
  return counts;
}

/**
 * Per line: it stops mid-sentence, so the next line may go on with it. A closing bracket (a note
 * or signature in brackets: （作者为…）, （王伟健）) or a trailing byline (…。记者 张三) ends an
 * item's text as surely as a full stop; so may 、, which older papers print in place of 。.
 */
export function markUnfinished(lines: readonly PageLine[]): boolean[] {
  return lines.map(
    (line) =>
      !isTableRow(line) &&
      !endsSentence(line.text) &&
      !CLOSING_BRACKET.test(line.norm) &&
      !splitTrailingByline(line.text, { penNames: true }),
  );
}

const CLOSING_BRACKET = /[)）\]】》、]$/u;

import { endsSentence, splitTrailingByline } from "@/lib/byline/trailing-byline";
import { BODY_LABELS } from "./labels";
import { isTableRow, type PageLine } from "./page-lines";
import type { WaitingRules } from "./waiting-lines";

/**
 * Which labels take part in interleaved columns (waiting-lines.ts): a body line that stops
 * mid-sentence and is followed by a line that opens another item (a headline, a body start, a
 * resumed column) leaves its item waiting for the rest of the sentence; a `resume` line takes it
 * back. The counting follows `assemble-articles.ts`, which suspends such items and resumes them.
 */

/**
 * A caption or page furniture after an unfinished line is left out: what breaks into a column is
 * another item's headline or text, and a headline read as a paragraph before a photo's caption
 * would otherwise hold an item open for a false `resume` (fixture long-feature.txt).
 */
const OPENING_LABELS: ReadonlySet<string> = new Set(["column", "kicker", "title", "subtitle", "penname", "start", "resume"]);

/** The rules for a label set, or null when it has no `resume` label (then nothing waits). */
export function readOpenColumnRules(labels: readonly string[]): WaitingRules | null {
  const resume = labels.indexOf("resume");
  if (resume < 0) return null;
  return { resume, body: labels.map((label) => BODY_LABELS.has(label)), opens: labels.map((label) => OPENING_LABELS.has(label)) };
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

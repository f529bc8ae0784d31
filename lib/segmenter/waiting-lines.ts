import { CONTINUATION_START } from "./line-observations";
import type { PageLine } from "./page-lines";
import { compareContext, compareContextInSpace } from "./subject-features";
import { scoreJoin, type JoinTables } from "./resume-evidence";

/**
 * Interleaved columns as decoder state, line by line. A body line that stops mid-sentence and is
 * followed by a line that opens another item (a headline, a body start, a resumed column) leaves
 * its item waiting for the rest of the sentence; a `resume` line takes the waiting line back.
 * The decoder (sequence-model.ts) carries *which* line waits, so a `resume` is scored against
 * that very line (pair features: does the resumed text read on from it — a dictionary word, a
 * frequent character pair, a familiar word pair, familiar character triples across the join — better than from the line right
 * before it and from the other waiting lines, and is it closer in its characters, and in the word
 * space of subject-space.ts, to the waiting line's context or to the lines right before it), and a block that breaks into a column is only worth reading as one when some later
 * line goes on with the cut sentence it left. One line waits at a time, as in print: the
 * interrupting block's own cut waits once the interrupted column has resumed.
 *
 * Which lines may wait is fixed by the text alone: a line that stops mid-sentence
 * (`unfinished`) while the line after it does not read on from it. The nearest WAITING_LIMIT such
 * lines are followed; one further back is dropped (and costs as a column never resumed).
 */

export const WAITING_LIMIT = 6;

export type WaitingFrame = {
  /** Per line: it stops mid-sentence (open-columns.ts `markUnfinished`). */
  unfinished: readonly boolean[];
  /** Per line i: the lines (at most i − 1) that may be waiting when line i is read, nearest first. */
  waiting: readonly Int32Array[];
};

export function findWaitingLines(lines: readonly PageLine[], unfinished: readonly boolean[], tables: JoinTables): WaitingFrame {
  const waiting: Int32Array[] = [];
  let held: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    waiting.push(Int32Array.from(held));
    if (canWait(lines, unfinished, tables, i)) held = [i, ...held].slice(0, WAITING_LIMIT);
  }
  return { unfinished, waiting };
}

function canWait(lines: readonly PageLine[], unfinished: readonly boolean[], { join, triples }: JoinTables, i: number): boolean {
  if (!unfinished[i] || i + 1 >= lines.length) return false;
  // Both triples across the join familiar: on dev's interleaved pages 164 of 173 such lines were read on, none was resumed later.
  return join(i, i + 1) < 3 && triples(i, i + 1) < 2 && !CONTINUATION_START.test(lines[i + 1]!.norm);
}

/**
 * Per line m and per line j that may wait before it (`waiting[m − 1]`, in that order): the
 * features of reading line m as the rest of j's cut sentence.
 */
export function describeResumePairs(lines: readonly PageLine[], frame: WaitingFrame, tables: JoinTables): string[][][] {
  return lines.map((_, m) => {
    const options = m > 0 ? frame.waiting[m - 1]! : new Int32Array(0);
    const scores = Array.from(options, (j) => scoreJoin(tables, j, m));
    const best = Math.max(...scores);
    const tied = scores.filter((score) => score === best).length > 1;
    const recent = m > 0 ? `${tables.join(m - 1, m)}|${tables.pair(m - 1, m)}` : "none";
    const recentWords = m > 0 ? tables.words(m - 1, m) : "none";
    const recentTriples = m > 0 ? tables.triples(m - 1, m) : "none";
    return Array.from(options, (j, rank) => {
      const reads = `${tables.join(j, m)}|${tables.pair(j, m)}`;
      const words = tables.words(j, m);
      const triples = tables.triples(j, m);
      const context = compareContext(lines, j, m);
      const space = compareContextInSpace(lines, tables.subjects, j, m);
      return [
        "r:bias",
        `r:reads=${reads}`,
        `r:reads|recent=${reads}|${recent}`,
        `r:words|reads=${words}|${reads}`,
        `r:words|recent=${words}|${recentWords}`,
        `r:triples|recent=${triples}|${recentTriples}`,
        `r:triples|reads=${triples}|${reads}`,
        `r:rank=${Math.min(rank, 3)}`,
        `r:best=${scores[rank] === best}|${tied}`,
        `r:context|reads=${context}|${reads}`,
        `r:context|words|recent=${context}|${words}|${recentWords}`,
        `r:space|reads=${space}|${reads}`,
        `r:space|context=${space}|${context}`,
      ];
    });
  });
}

/** What the step rules need to know of the label set (open-columns.ts). */
export type WaitingRules = { resume: number; body: readonly boolean[]; opens: readonly boolean[] };

/** Slots of line i: 0 when no line waits, k ≥ 1 for `waiting[i][k − 1]`. */
export function countSlots(frame: WaitingFrame | null, i: number): number {
  return frame ? 1 + frame.waiting[i]!.length : 1;
}

/**
 * The step from line i (its label, its slot) to line i + 1 with label `next`: the slot at line
 * i + 1 times two, plus one when a waiting line was dropped on the way (it will never be
 * resumed); −1 when the step is impossible (a `resume` with nothing waiting).
 */
export function stepWaiting(rules: WaitingRules | null, frame: WaitingFrame | null, i: number, label: number, slot: number, next: number): number {
  if (!rules || !frame) return 0;
  const resumes = next === rules.resume;
  if (resumes && slot === 0) return -1;
  const kept = !resumes && slot > 0;
  const later = frame.waiting[i + 1]!;
  const fresh = later.length > 0 && later[0] === i;
  if (frame.unfinished[i] && rules.body[label] && rules.opens[next] && fresh) return 2 + (kept ? 1 : 0);
  if (!kept) return 0;
  const at = slot - 1 + (fresh ? 1 : 0);
  return at < later.length ? (at + 1) * 2 : 1;
}

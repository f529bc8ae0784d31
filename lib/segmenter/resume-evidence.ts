import type { JoinStrength } from "./dictionary-join";
import { CONTINUATION_START, type LineObservations } from "./line-observations";
import type { PageLine } from "./page-lines";

/** How far back a cut sentence may wait for its continuation when another item's block broke in. */
const RESUME_WINDOW = 24;

/** Join strengths between pairs of lines of one page, computed once (the resume search asks often). */
export type JoinTable = (from: number, to: number) => JoinStrength;

/**
 * An earlier line (not the one right before) whose sentence was cut and is continued by this
 * line through a dictionary word, while the line after it did not continue it: the mark of
 * interleaved columns, where another item's block broke into a sentence.
 */
export function findResumableLine(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, join: JoinTable): { line: number; strength: JoinStrength } | null {
  let best: { line: number; strength: JoinStrength } | null = null;
  for (let j = i - 2; j >= Math.max(0, i - RESUME_WINDOW); j--) {
    if (!observed[j]!.cut) continue;
    if (join(j, j + 1) >= 2 || CONTINUATION_START.test(lines[j + 1]!.norm)) continue;
    const strength = join(j, i);
    if (!best || strength > best.strength) best = { line: j, strength };
    if (strength === 3) break;
  }
  return best;
}

/**
 * Whether a later line continues the cut sentence of the line before `i` (a dictionary word
 * across the join): then line `i` is likely another item's block breaking in.
 */
export function findLaterJoin(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, join: JoinTable): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + RESUME_WINDOW); k++) {
    if (observed[k - 1]!.cut && join(i - 1, k) >= 2 && join(k - 1, k) < 2) return true;
  }
  return false;
}


import type { LineDecision } from "./item-confidence";
import { scoreJoin, type JoinTables } from "./resume-evidence";

/**
 * Interleaved columns, second look. The labels decide line by line, so where a block of item B
 * broke into item A's column, the first line of A's rest is easily read as continuing B's cut
 * sentence (`cont`), and the later line that really continues B then `resume`s A instead: both
 * items come out wrong. That is a question of pairing, which the line-by-line model cannot ask:
 * of the two readings, (A's cut → this line, B's cut → the resumed line) and (B's cut → this
 * line, A's cut → the resumed line), the one whose joins read on better wins; the line is then
 * relabelled `resume` (with no margin, so the item is listed for review).
 */

/** How well `after` reads on from `before`: dictionary word across the join, frequent character pair, familiar triples (scoreJoin). */
export type ReadOn = (before: number, after: number) => number;

export function toReadOn(tables: JoinTables): ReadOn {
  return (before, after) => scoreJoin(tables, before, after);
}

/**
 * Lines to relabel `resume`, from a first assembly's `lineItems` (the item of each line): for each
 * `resume` line k of item A, whose previous line of A is j, a `cont` line i between them whose
 * item is not A and whose line before it is of the same item, when j → i and i−1 → k read on
 * better than i−1 → i and j → k.
 */
export function findSwappedResumptions(decisions: readonly LineDecision[], lineItems: readonly number[], readOn: ReadOn): number[] {
  const swaps: number[] = [];
  decisions.forEach((decision, k) => {
    if (decision.label !== "resume") return;
    const item = lineItems[k]!;
    let j = k - 1;
    while (j >= 0 && lineItems[j] !== item) j--;
    if (j < 0) return;
    let best: { line: number; gain: number } | null = null;
    for (let i = j + 2; i < k; i++) {
      if (decisions[i]!.label !== "cont" || lineItems[i] === item || lineItems[i - 1] !== lineItems[i] || swaps.includes(i)) continue;
      const gain = readOn(j, i) + readOn(i - 1, k) - readOn(i - 1, i) - readOn(j, k);
      if (gain > 0 && (!best || gain > best.gain)) best = { line: i, gain };
    }
    if (best) swaps.push(best.line);
  });
  return swaps;
}

export function relabelAsResumed(decisions: readonly LineDecision[], swaps: readonly number[]): LineDecision[] {
  return decisions.map((decision, at) => (swaps.includes(at) ? { label: "resume", margin: 0, boundaryMargin: 0, runnerUp: decision.label } : decision));
}

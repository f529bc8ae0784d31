import type { LineDecision } from "./item-confidence";
import { BODY_LABELS, HEADLINE_RANK } from "./labels";
import type { ReadOn } from "./swap-resumptions";

/**
 * Interleaved columns, a headline printed late. Where an item's opening block broke into another
 * item's column without its headline, the headline is printed further down, over the rest of the
 * item (seed page 002: 多项措施推动中小企业专精特新发展 over 已有超2500家企业…). The labels read
 * that headline and the line under it as a new item's title and first line: the line's own look
 * is a first line's, and a resume right under a headline is rare in training. Then both halves of
 * the item come out wrong. Seen whole, the page says more: an earlier item with no headline of its
 * own stops in the middle of a sentence, the line under the headline reads on from that cut, and
 * the headline speaks of what that item says. With both, the line is relabelled `resume` (no
 * margin, so the item is listed for review), and the assembler gives the headline to the item it
 * resumes (assemble-articles.ts).
 */

/**
 * Thresholds chosen on dev pages (rmrb 2020-01, xwlb 2018–2020): a join this strong across the cut
 * (scoreJoin: a dictionary word 2–3, a frequent pair 1.5, familiar triples 1.5 each) with the
 * headline on the same subject as the cut item at all, or a weaker join with the headline
 * clearly on its subject (cosine in the word space, subject-space.ts).
 */
const STRONG_JOIN = 2.5;
const WEAK_JOIN = 1.5;
const CLEARLY_SAME_SUBJECT = 0.5;

/** How near the subject of lines [from, to) lies to that of the given lines (cosine; NO_WORDS when either has no known word). */
export type CompareSubjects = (from: number, to: number, lines: readonly number[]) => number;

/**
 * Lines to relabel `resume`, from a first assembly's `lineItems`: each `start` right under a
 * headline group with an earlier item — headline-less, cut off mid-sentence, with no line at or
 * after the group — that it reads on from (`readOn`) while the headline shares its subject
 * (`compare`). Which waiting item the line then resumes is the assembler's choice, as for any
 * `resume`: with a headline waiting, it prefers an item without one.
 */
export function findAdoptedStarts(
  decisions: readonly LineDecision[],
  lineItems: readonly number[],
  endsSentence: (line: number) => boolean,
  readOn: ReadOn,
  compare: CompareSubjects,
  // A line that opens with a dateline opens a report, never the rest of another (segment-page.ts
  // rules it out for the labels; this step must not bring it back).
  opensReport: (line: number) => boolean = () => false,
): number[] {
  const isHeadline = (at: number) => HEADLINE_RANK[decisions[at]!.label] !== undefined;
  const items = groupItemLines(lineItems);
  return decisions.flatMap((decision, k) => {
    if (decision.label !== "start" || k === 0 || !isHeadline(k - 1) || opensReport(k)) return [];
    let group = k - 1;
    while (group > 0 && isHeadline(group - 1) && lineItems[group - 1] === lineItems[k]) group--;
    const continues = items.some((lines) => {
      const last = lines.at(-1)!;
      if (last >= group) return false;
      if (decisions[lines[0]!]!.label !== "start" || lines.some(isHeadline)) return false;
      if (!BODY_LABELS.has(decisions[last]!.label) || endsSentence(last)) return false;
      const join = readOn(last, k);
      if (join < WEAK_JOIN) return false;
      const subject = compare(group, k, lines);
      return (join >= STRONG_JOIN && subject > 0) || subject >= CLEARLY_SAME_SUBJECT;
    });
    return continues ? [k] : [];
  });
}

/** The lines of each item, in page order: grouped once per page, read for every candidate line. */
function groupItemLines(lineItems: readonly number[]): number[][] {
  const byItem = new Map<number, number[]>();
  lineItems.forEach((item, at) => {
    const lines = byItem.get(item) ?? [];
    lines.push(at);
    byItem.set(item, lines);
  });
  return [...byItem.values()];
}

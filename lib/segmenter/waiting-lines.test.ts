import { describe, expect, it } from "vitest";
import { LINE_LABELS, type LineLabel } from "./labels";
import { loadShippedLexicon } from "./model-file";
import { markUnfinished, readOpenColumnRules } from "./open-columns";
import { splitPageLines } from "./page-lines";
import { createJoinTables } from "./resume-evidence";
import { describeResumePairs, findWaitingLines, stepWaiting, WAITING_LIMIT, type WaitingFrame } from "./waiting-lines";

/** Interleaved columns as the seed page prints them: A cut, B's block (also cut), A resumed, B resumed under its late headline. */
const PAGE = [
  "山西新型工业化迈出坚实步伐",
  "本报讯 近年来，全省工业经济稳中有进，焦化行业在全国率先关停4.3米焦炉，全省",
  "本报讯 中小企业联系千家万户，是推动创新、促进就业、改善民生的重要力量。持续完善中小企业政策体系，先后出台促进专精特新高质量",
  "机焦炉全部升级至5.5米及以上。",
  "多项措施推动中小企业专精特新发展",
  "发展的若干措施，已有超2500家企业享受该项政策。",
].join("\n");

const rules = readOpenColumnRules(LINE_LABELS)!;
const label = (name: LineLabel) => LINE_LABELS.indexOf(name);

function frameOf(text: string): { frame: WaitingFrame; pairs: string[][][] } {
  const lines = splitPageLines(text);
  const tables = createJoinTables(lines, loadShippedLexicon());
  const frame = findWaitingLines(lines, markUnfinished(lines), tables);
  return { frame, pairs: describeResumePairs(lines, frame, tables) };
}

/** The slot after each line along a label sequence, and whether a waiting line was dropped on the way. */
function trace(frame: WaitingFrame, labels: readonly LineLabel[]): { slots: number[]; drops: number } {
  const slots = [0];
  let drops = 0;
  for (let i = 1; i < labels.length; i++) {
    const code = stepWaiting(rules, frame, i - 1, label(labels[i - 1]!), slots[i - 1]!, label(labels[i]!));
    if (code < 0) throw new Error(`line ${i}: ${labels[i]} is impossible here`);
    drops += code & 1;
    slots.push(code >> 1);
  }
  return { slots, drops };
}

describe("waiting lines", () => {
  it("lets the lines cut mid-sentence wait, nearest first, and offers a resume each of them with its pair features", () => {
    const { frame, pairs } = frameOf(PAGE);
    expect(frame.unfinished).toEqual([true, true, true, false, true, false]);
    // Line 0 (a headline) is followed by text that does not read on; the cuts at 1 and 2 may wait; 4 is the last unfinished one.
    expect([...frame.waiting[3]!]).toEqual([2, 1, 0]);
    // A resume on line 3 may take what waited while line 2 was read: lines 1 and 0, not line 2 right before it.
    expect(pairs[3]!.map((features) => features[0])).toEqual(["r:bias", "r:bias"]);
    expect(pairs[3]![1]!).toContain("r:rank=1");
  });

  it("follows the page's own reading: A waits for B's block, A resumes while B waits, B resumes", () => {
    const { frame } = frameOf(PAGE);
    const { slots, drops } = trace(frame, ["title", "start", "start", "resume", "title", "resume"]);
    // Line 2 opens B: line 1 waits (slot 2 of line 2's list [1, 0]); line 3 takes it and line 2 waits; the title keeps it; line 5 takes it.
    expect(frame.waiting[2]![slots[2]! - 1]).toBe(1);
    expect(frame.waiting[3]![slots[3]! - 1]).toBe(2);
    expect(frame.waiting[4]![slots[4]! - 1]).toBe(2);
    expect(slots[5]).toBe(0);
    expect(drops).toBe(0);
  });

  it("refuses a resume when no line waits, and counts a waiting line pushed out by a newer one as dropped", () => {
    const { frame } = frameOf(PAGE);
    expect(stepWaiting(rules, frame, 0, label("title"), 0, label("resume"))).toBe(-1);
    // A waits (after line 2 opens B); then B's cut is left for another start without A resuming: A is dropped.
    const { drops } = trace(frame, ["title", "start", "start", "start", "title", "start"]);
    expect(drops).toBe(1);
  });

  it("follows at most WAITING_LIMIT lines", () => {
    const text = Array.from({ length: WAITING_LIMIT + 4 }, (_, i) => `第${i}段文字讲到这里被切断了，后面还有`).join("\n");
    const { frame } = frameOf(text);
    expect(Math.max(...frame.waiting.map((list) => list.length))).toBe(WAITING_LIMIT);
  });
});

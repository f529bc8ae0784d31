import { describe, expect, it } from "vitest";
import { findAdoptedStarts, type CompareSubjects } from "./adopt-headlines";
import type { LineDecision } from "./item-confidence";
import type { LineLabel } from "./labels";
import type { ReadOn } from "./swap-resumptions";

const decide = (...labels: LineLabel[]): LineDecision[] => labels.map((label) => ({ label, margin: 50, boundaryMargin: 50, runnerUp: label }));

describe("findAdoptedStarts", () => {
  // A: headline and lines 1–2 (cut at 1), B's block without headline: 2–3 (cut at 3), A's rest at 4
  // (resumed), then B's headline (5) over a line read as a new item's first line (6).
  const decisions = decide("title", "start", "start", "para", "resume", "title", "start", "para");
  const lineItems = [0, 0, 1, 1, 0, 2, 2, 2];
  const cutLines = new Set([1, 3]);
  const endsSentence = (line: number) => !cutLines.has(line);
  const joins = (pairs: Record<string, number>): ReadOn => (before, after) => pairs[`${before}>${after}`] ?? 0;
  const subjects = (cosine: number): CompareSubjects => (from, to, lines) => (from === 5 && to === 6 && lines.join() === "2,3" ? cosine : 0);

  it("resumes the cut headline-less item under the late headline when the line reads on from its cut and the headline shares its subject", () => {
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "3>6": 3 }), subjects(0.2))).toEqual([6]);
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "3>6": 1.5 }), subjects(0.6))).toEqual([6]);
  });

  it("keeps a first line when either sign is missing", () => {
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({}), subjects(0.9))).toEqual([]);
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "3>6": 3 }), subjects(-2))).toEqual([]);
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "3>6": 1.5 }), subjects(0.3))).toEqual([]);
  });

  it("never takes a line that opens with a dateline (本报讯 …): it starts a report of its own", () => {
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "3>6": 3 }), subjects(0.9), (line) => line === 6)).toEqual([]);
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "3>6": 3 }), subjects(0.9), (line) => line === 4)).toEqual([6]);
  });

  it("looks only at items without a headline that stop mid-sentence", () => {
    // B's block finished its sentence: nothing waits for the line under the headline.
    expect(findAdoptedStarts(decisions, lineItems, (line) => line !== 1, joins({ "3>6": 3 }), subjects(0.9))).toEqual([]);
    // A, cut at 1, has a headline of its own (and goes on at 4): it is never offered.
    expect(findAdoptedStarts(decisions, lineItems, endsSentence, joins({ "1>6": 6, "4>6": 6 }), () => 0.9)).toEqual([]);
  });
});

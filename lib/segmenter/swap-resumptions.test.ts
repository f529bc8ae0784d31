import { describe, expect, it } from "vitest";
import type { LineDecision } from "./item-confidence";
import type { LineLabel } from "./labels";
import { findSwappedResumptions, relabelAsResumed, type ReadOn } from "./swap-resumptions";

const decide = (...labels: LineLabel[]): LineDecision[] => labels.map((label) => ({ label, margin: 50, boundaryMargin: 50, runnerUp: label }));

describe("findSwappedResumptions", () => {
  // A: lines 0–1 (cut), B: 2–3 (cut), then A's rest read as `cont` of B (4), later B's rest `resume`d into A (6).
  const decisions = decide("title", "start", "title", "start", "cont", "title", "resume");
  const lineItems = [0, 0, 1, 1, 1, 2, 0];
  const joins = (pairs: Record<string, number>): ReadOn => (before, after) => pairs[`${before}>${after}`] ?? 0;

  it("pairs each cut with the line that reads on from it", () => {
    expect(findSwappedResumptions(decisions, lineItems, joins({ "1>4": 3, "3>6": 2 }))).toEqual([4]);
  });

  it("keeps the reading when the lines as labelled read on better", () => {
    expect(findSwappedResumptions(decisions, lineItems, joins({ "3>4": 3, "1>6": 2 }))).toEqual([]);
    expect(findSwappedResumptions(decisions, lineItems, joins({}))).toEqual([]);
  });

  it("relabels the swapped line with no margin, so its item is listed for review", () => {
    const relabelled = relabelAsResumed(decisions, [4]);
    expect(relabelled[4]).toEqual({ label: "resume", margin: 0, boundaryMargin: 0, runnerUp: "cont" });
    expect(relabelled.filter((decision) => decision.label === "resume")).toHaveLength(2);
  });
});

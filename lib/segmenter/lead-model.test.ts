import { describe, expect, it } from "vitest";
import { countLeadModel } from "@/ingest/count-lead-model";
import type { SourceArticle } from "@/ingest/page-gen/source-article";
import { toOneParagraphSource } from "@/test/unit/one-paragraph-source";
import { addLeadBonus, LEAD_WEIGHT, scoreLineLead } from "./lead-bonus";
import { decodeLeadModel, encodeLeadModel, listLeadFeatures, readLeadHead, scoreLead } from "./lead-model";
import { splitPageLines } from "./page-lines";

/** An article of an opening paragraph and later ones. */
function toArticle(opening: string, ...later: string[]): SourceArticle {
  const source = toOneParagraphSource(opening);
  return { ...source, blocks: [opening, ...later].map((text) => ({ kind: "paragraph" as const, text })) };
}

const SETTINGS = { bits: 12, head: 32, epochs: 3, rate: 0.1, seed: 1 };

describe("the lead model", () => {
  it("reads the first sentence, at most head characters", () => {
    expect(readLeadHead("近日,某市举行大会。会上提出", 32)).toBe("近日,某市举行大会。");
    expect(readLeadHead("近日,某市举行大会", 4)).toBe("近日,某");
    expect(readLeadHead("𠀋日,某", 2)).toBe("𠀋日");
  });

  it("switches on each slot once, all within its bits", () => {
    const features = listLeadFeatures("近日近日近日", 10);
    expect(new Set(features).size).toBe(features.length);
    expect(features.every((slot) => slot >= 0 && slot < 1 << 10)).toBe(true);
    expect(listLeadFeatures("近日近日近日", 10)).toEqual(features);
  });

  it("learns from articles that openings read unlike later paragraphs", () => {
    const articles = Array.from({ length: 40 }, (_, at) =>
      toArticle(`近日,第${at}届博览会在某市举行。`, `他表示,这次会议很重要${at}。`, `此外,各方还讨论了${at}个问题。`),
    );
    const model = decodeLeadModel(countLeadModel(articles, SETTINGS));
    expect(scoreLead(model, "近日,第99届博览会在某市举行。")).toBeGreaterThan(0);
    expect(scoreLead(model, "他表示,这次会议很重要99。")).toBeLessThan(0);
    expect(scoreLead(model, "此外,各方还讨论了99个问题。")).toBeLessThan(0);
  });

  it("is the same model on the same articles, and survives its file form", () => {
    const articles = Array.from({ length: 10 }, (_, at) => toArticle(`日前,某地召开会议${at}。`, `会议指出,要做好工作${at}。`));
    const file = countLeadModel(articles, SETTINGS);
    expect(countLeadModel(articles, SETTINGS)).toEqual(file);
    const model = decodeLeadModel(file);
    expect(encodeLeadModel(model)).toEqual(file);
    expect(model.weights.length).toBe(1 << SETTINGS.bits);
    expect(Math.max(...model.weights.map(Math.abs))).toBe(127);
  });

  it("refuses a corpus with nothing to tell apart", () => {
    expect(() => countLeadModel([toOneParagraphSource("只有一段。")], SETTINGS)).toThrow(/two paragraphs/);
  });

  it("reads a line cut by the column on into the lines after it", () => {
    const articles = Array.from({ length: 40 }, (_, at) => toArticle(`近日,第${at}届博览会在某市举行。`, `他表示,这次会议很重要${at}。`));
    const model = decodeLeadModel(countLeadModel(articles, SETTINGS));
    const lines = splitPageLines("他表示,这次会议很重要。\n近日,第99届\n博览会在某市举行。");
    const scores = lines.map((_, at) => scoreLineLead(lines, at, model));
    expect(scores[1]).toBeCloseTo(scoreLead(model, "近日,第99届博览会在某市举行。"), 6);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
  });

  it("adds to the start score of an opening after a finished sentence, and nowhere else", () => {
    const articles = Array.from({ length: 40 }, (_, at) => toArticle(`近日,第${at}届博览会在某市举行。`, `他表示,这次会议很重要${at}。`));
    const model = decodeLeadModel(countLeadModel(articles, SETTINGS));
    const labels = ["title", "start", "para", "cont"];
    const sequence = { labels } as unknown as Parameters<typeof addLeadBonus>[0];
    // 0 first line; 1 an opening after a finished sentence; 2 the same after a cut line; 3 a dateline; 4 a later paragraph.
    const lines = splitPageLines("会议很重要。\n近日,第99届博览会在某市举行。\n他们说\n近日,第98届博览会在某市举行。\n本报讯 近日,第97届博览会在某市举行。\n他表示,这次会议很重要。");
    const emissions = lines.map(() => new Float64Array(labels.length));
    addLeadBonus(sequence, lines, model, { emissions, edges: [], resumes: [] });
    const starts = emissions.map((row) => row[1]);
    expect(starts[1]).toBeCloseTo(LEAD_WEIGHT * scoreLead(model, lines[1]!.norm), 6);
    expect(starts[1]).toBeGreaterThan(0);
    expect([starts[0], starts[3], starts[4], starts[5]]).toEqual([0, 0, 0, 0]);
    expect(emissions.every((row) => row[0] === 0 && row[2] === 0 && row[3] === 0)).toBe(true);
  });
});

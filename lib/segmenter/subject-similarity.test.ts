import { describe, expect, it } from "vitest";
import { readWordWeight } from "@/lib/segment/jieba";
import { createRandom } from "@/lib/random/seeded-random";
import { measureSubjectSimilarities } from "./subject-similarity";

/** The cosine worked out directly, window by window, as the sliding version must give it. */
function measureDirectly(words: readonly Set<string>[], headed: readonly boolean[], i: number, back: number, ahead: number): number {
  const count = (from: number, to: number) => {
    const counts = new Map<string, number>();
    for (let k = Math.max(0, from); k < Math.min(words.length, to); k++) for (const word of words[k]!) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  };
  let headline = i;
  while (headline > 0 && headed[headline - 1]) headline--;
  const before = count(headline - back, headline);
  const after = count(i, i + ahead);
  const weight = (word: string) => readWordWeight(word) ** 2;
  let dot = 0;
  let afterNorm = 0;
  let beforeNorm = 0;
  for (const [word, n] of after) {
    afterNorm += n * n * weight(word);
    dot += n * (before.get(word) ?? 0) * weight(word);
  }
  for (const [word, n] of before) beforeNorm += n * n * weight(word);
  return afterNorm === 0 || beforeNorm === 0 ? -1 : dot / Math.sqrt(afterNorm * beforeNorm);
}

describe("measureSubjectSimilarities", () => {
  const vocabulary = ["农业", "农民", "播种", "铁路", "列车", "开通", "发展", "工作", "舞蹈", "利比亚", "会议", "经济"];

  it("gives, line by line, the cosine of the windows worked out directly", () => {
    const random = createRandom(7);
    for (let page = 0; page < 20; page++) {
      const words = Array.from({ length: 5 + Math.floor(random() * 30) }, () => new Set(vocabulary.filter(() => random() < 0.25)));
      const headed = words.map(() => random() < 0.3);
      const [near, wide] = measureSubjectSimilarities(words, headed, 6, [2, 6]);
      words.forEach((_, i) => {
        expect(near![i]).toBeCloseTo(measureDirectly(words, headed, i, 6, 2), 9);
        expect(wide![i]).toBeCloseTo(measureDirectly(words, headed, i, 6, 6), 9);
      });
    }
  });

  it("weighs a shared rare word above a shared common one", () => {
    const text = [false, false];
    const rare = measureSubjectSimilarities([new Set(["利比亚", "工作"]), new Set(["利比亚"])], text, 6, [1])[0]![1]!;
    const common = measureSubjectSimilarities([new Set(["利比亚", "工作"]), new Set(["工作"])], text, 6, [1])[0]![1]!;
    expect(rare).toBeGreaterThan(common);
    expect(measureSubjectSimilarities([new Set(["农业"]), new Set(["铁路"])], text, 6, [1])[0]![1]).toBe(0);
    expect(measureSubjectSimilarities([new Set<string>(), new Set(["铁路"])], text, 6, [1])[0]![1]).toBe(-1);
  });

  it("sets a line against the text before its headline, not against the headline", () => {
    const words = [new Set(["农业", "农民"]), new Set(["铁路"]), new Set(["铁路", "列车"])];
    const [afterTitle] = measureSubjectSimilarities(words, [false, true, false], 6, [1]);
    expect(afterTitle![2]).toBe(0);
    const [afterText] = measureSubjectSimilarities(words, [false, false, false], 6, [1]);
    expect(afterText![2]).toBeGreaterThan(0);
    expect(measureSubjectSimilarities([new Set(["标题"]), new Set(["正文"])], [true, false], 6, [1])[0]![1]).toBe(-1);
  });
});

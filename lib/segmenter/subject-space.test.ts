import { describe, expect, it } from "vitest";
import { readWordWeight } from "@/lib/segment/jieba";
import { encodeSignedBytes } from "./signed-byte-text";
import { decodeSubjectSpace, embedWords, encodeSubjectSpace, measureCosine, measureSpaceSimilarities, NO_WORDS } from "./subject-space";

// Two farming words along the first axis, a railway word along the second, one between.
const space = decodeSubjectSpace(encodeSubjectSpace(["农业", "播种", "铁路", "交通"], Float64Array.from([1, 0, 1, 0, 0, 1, 0.6, 0.8]), 2));

describe("the subject space file", () => {
  it("keeps each vector to a 127th and refuses vectors that do not fit the words", () => {
    expect(Array.from(space.vectors)).toEqual([127, 0, 127, 0, 0, 127, 76, 102]);
    expect(() => decodeSubjectSpace({ dims: 3, words: "农业 铁路", vectors: encodeSignedBytes(Int8Array.from([1, 2, 3])) })).toThrow(/3 bytes of vectors for 2 words of 3 dimensions/u);
  });
});

describe("measureSpaceSimilarities", () => {
  const lines = [["农业"], ["播种", "未知词"], ["铁路"], ["交通"], []].map((words) => embedWords(space, words));

  it("is the cosine of the IDF-weighted sums of the windows before the line's headline and from the line on", () => {
    const [one, near] = measureSpaceSimilarities(lines, lines.map(() => false), space.dims, 6, [1, 2]) as [number[], number[]];
    expect(near[0]).toBe(NO_WORDS);
    expect(one[1]).toBeCloseTo(1, 9);
    expect(near[1]).toBeCloseTo(measureCosine(embedWords(space, ["农业"])!, embedWords(space, ["播种", "铁路"])!), 9);
    const before = embedWords(space, ["农业", "播种"])!;
    expect(near[2]).toBeCloseTo(measureCosine(before, embedWords(space, ["铁路", "交通"])!), 9);
    expect(near[2]).toBeLessThan(0.7);
    // The line after the last holds no word of the space.
    expect(near[4]).toBe(NO_WORDS);
  });

  it("leaves the line's own headline out of the window before", () => {
    const headed = [false, false, true, false, false];
    const [near] = measureSpaceSimilarities(lines, headed, space.dims, 6, [1]) as [number[]];
    // Line 3's headline is line 2 (铁路): the window before is lines 0–1 only.
    expect(near[3]).toBeCloseTo(measureCosine(embedWords(space, ["农业", "播种"])!, embedWords(space, ["交通"])!), 9);
  });

  it("weighs each word by its IDF", () => {
    const sum = embedWords(space, ["农业", "铁路"])!;
    expect(sum[0]! / sum[1]!).toBeCloseTo(readWordWeight("农业") / readWordWeight("铁路"), 9);
    expect(embedWords(space, ["未知词"])).toBeNull();
  });
});

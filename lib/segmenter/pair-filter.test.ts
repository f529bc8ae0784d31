import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { createPairFilter, decodePairFilter, encodePairFilter, hasPair } from "./pair-filter";

describe("the pair filter", () => {
  const random = createRandom(11);
  const word = () => String.fromCharCode(0x4e00 + Math.floor(random() * 20_000), 0x4e00 + Math.floor(random() * 20_000));
  const stored = Array.from({ length: 5_000 }, () => [word(), word()] as const);

  it("finds every stored pair after a trip through the file, and few others", () => {
    const table = decodePairFilter(encodePairFilter(createPairFilter(stored, stored.length, 0.01)), "test");
    expect(stored.every(([left, right]) => hasPair(table, left, right))).toBe(true);
    // The reversed pairs were never stored: about 1 % may pass, as the filter was sized for.
    const reversed = stored.filter(([left, right]) => hasPair(table, right, left)).length;
    expect(reversed / stored.length).toBeLessThan(0.03);
  });

  it("keeps the pair's parts apart: ab + c is not a + bc", () => {
    const table = createPairFilter([["召开", "了"]], 1, 0.001);
    expect(hasPair(table, "召开", "了")).toBe(true);
    expect(hasPair(table, "召", "开了")).toBe(false);
  });

  it("refuses a filter whose length disagrees with its size, naming the table", () => {
    const file = encodePairFilter(createPairFilter(stored, stored.length, 0.01));
    expect(() => decodePairFilter({ ...file, bits: file.bits + 8 }, "word pairs")).toThrow(/word pairs: .*bits/);
  });
});

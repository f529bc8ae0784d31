import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchTextsContain, toMatchTerm, toMatchText } from "./exact-match";
import { containsByPattern } from "./match-pattern";

/** exact-match.ts's definition, the one the verifier otherwise applies to a normalised copy. */
function containsByDefinition(text: string, term: string): boolean {
  return matchTextsContain([toMatchText(text)], toMatchTerm(term));
}

describe("containsByPattern", () => {
  it("answers as exact-match.ts's definition whenever it answers, and always for BMP text without expanding characters (property)", () => {
    const plain = fc.constantFrom("发", "展", "的", "發", "人", "民", "運", "运", " ", "\n", "\u3000", "\t", "Ａ", "a", "A", "２", "2", "，", ",", "薴", "苧", "苎");
    const tricky = fc.constantFrom("…", ".", "㍿", "株", "式", "𠀀", "㎡", "m");
    const text = (alphabet: fc.Arbitrary<string>) => fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(text(plain), text(plain), (original, raw) => {
        const term = raw.slice(0, 4);
        const found = containsByPattern(original, toMatchTerm(term));
        expect(found).toBeDefined();
        expect(found).toBe(containsByDefinition(original, term));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(text(fc.oneof(plain, tricky)), text(fc.oneof(plain, tricky)), (original, raw) => {
        const term = raw.slice(0, 4);
        const found = containsByPattern(original, toMatchTerm(term));
        if (found !== undefined) expect(found).toBe(containsByDefinition(original, term));
      }),
      { numRuns: 1000 },
    );
  });

  it("takes the term in matching form as it is: normalising twice is not once (薴 → 苧 → 苎)", () => {
    expect(toMatchTerm("薴")).toBe("苧");
    expect(containsByPattern("青薴", toMatchTerm("薴"))).toBe(true);
    expect(containsByPattern("青苧", toMatchTerm("薴"))).toBe(false);
    expect(containsByDefinition("青苧", "薴")).toBe(false);
  });

  it("leaves a text whose expanding character could be part of the term to the normalising path", () => {
    expect(containsByPattern("等等…", toMatchTerm("..."))).toBeUndefined();
    expect(containsByPattern("等等…", toMatchTerm("等等"))).toBe(true);
    expect(containsByPattern("等…等", toMatchTerm("等等"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { encodeChar, toCodedCharText, toCodedPhrase } from "./coded-chars";
import { toMatchTerm } from "./exact-match";

describe("coded chars", () => {
  it("spells every character in lower-case letters, BMP in four, others in five", () => {
    expect(encodeChar("中")).toMatch(/^[a-d][a-z]{3}$/u);
    expect(encodeChar("a")).toMatch(/^[a-d][a-z]{3}$/u);
    expect(encodeChar("𠮷")).toMatch(/^[e-g][a-z]{4}$/u);
  });

  it("gives distinct characters distinct codes, so the engine cannot fold them", () => {
    const chars = ["告", "吿", "德", "徳", "e", "é", "1", ".", "％", "𠮷"];
    const codes = chars.map(encodeChar);
    expect(new Set(codes).size).toBe(chars.length);
  });

  it("normalises like the matcher, drops whitespace and separates paragraphs with a hard separator", () => {
    expect(toCodedCharText("醫院")).toBe(toCodedCharText("医院"));
    expect(toCodedCharText("开 心\n\n自我")).toBe(`${encodeChar("开")} ${encodeChar("心")} . ${encodeChar("自")} ${encodeChar("我")}`);
    expect(toCodedCharText("  \n ")).toBe("");
  });

  it("writes a term as a phrase of the same tokens as the text", () => {
    const text = toCodedCharText("全年完成投资2691.06亿元");
    const phrase = toCodedPhrase(toMatchTerm("2691.06亿元"));
    expect(text).toContain(phrase.slice(1, -1));
    expect(text).not.toContain(toCodedPhrase("269106").slice(1, -1));
  });
});

import { describe, expect, it } from "vitest";
import { PARAGRAPH_TOKEN, toCharPhrase, toCharTokenText } from "@/bench/quality-char-tokens";

describe("char tokens", () => {
  it("splits CJK, digits and Latin letters one per token", () => {
    expect(toCharTokenText("5G基站")).toBe("5 g 基 站");
    expect(toCharTokenText("142户")).toBe("1 4 2 户");
  });

  it("keeps punctuation as letters-only markers so 2691.06 never matches 269106", () => {
    const dotted = toCharTokenText("2691.06亿元");
    expect(dotted).toBe("2 6 9 1 zzie 0 6 亿 元");
    expect(dotted).not.toContain("1 0 6");
  });

  it("normalises Traditional to Simplified and full width to half width", () => {
    expect(toCharTokenText("醫院")).toBe(toCharTokenText("医院"));
    expect(toCharTokenText("ＰＭ２．５")).toBe(toCharTokenText("pm2.5"));
  });

  it("drops whitespace and marks paragraph breaks once", () => {
    expect(toCharTokenText("开 心\n\n自我")).toBe(`开 心 ${PARAGRAPH_TOKEN} 自 我`);
  });

  it("turns a query term into a quoted phrase, or null when nothing is searchable", () => {
    expect(toCharPhrase("小微")).toBe('"小 微"');
    expect(toCharPhrase("   ")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { measureJoin, spansDictionaryWord } from "./dictionary-join";

const TEXT =
  "全省小微贷款余额同比增长，小微企业融资协调工作机制取得成效。春运期间，铁路部门加开临客列车，旅客发送量创历史新高。国务院新闻办公室举行新闻发布会，介绍经济运行情况。";

describe("how strongly two lines join", () => {
  it("reads a sentence cut inside a word as joined, and unrelated lines as not", () => {
    expect(measureJoin("协调工作机", "制取得成效")).toBe(3);
    expect(measureJoin("旅客发送量创历史新高。", "国务院新闻办公室")).toBe(0);
  });

  it("answers 0 only where no dictionary word spans the join (the shortcut on the join's two characters)", () => {
    const chars = [...TEXT];
    let zeros = 0;
    for (let cut = 1; cut < chars.length; cut++) {
      for (const other of [0, 17, 41]) {
        const before = chars.slice(Math.max(0, cut - 6), cut).join("");
        const after = chars.slice(other === 0 ? cut : other, (other === 0 ? cut : other) + 6).join("");
        if (measureJoin(before, after) > 0) continue;
        zeros++;
        expect(spansDictionaryWord(before, after), `${before}|${after}`).toBe(false);
      }
    }
    expect(zeros).toBeGreaterThan(50);
  });
});

import { describe, expect, it } from "vitest";
import { endsSentence } from "@/lib/byline/trailing-byline";
import { createRandom } from "@/lib/random/seeded-random";
import { cutInsideSentence, cutParagraphs } from "./cut-lines";

const PARAGRAPH = "本报讯 11月14日，省政府新闻办举行新闻发布会。省工信厅厅长介绍，全省工信系统一手抓传统产业改造提升，一手抓新兴产业培育壮大，取得显著成效。";

describe("cutInsideSentence", () => {
  it("never cuts right after a sentence end and loses no character", () => {
    const random = createRandom(3);
    for (let i = 0; i < 500; i++) {
      const cut = cutInsideSentence(PARAGRAPH, random, i % 2 === 0);
      if (cut === null) continue;
      expect(endsSentence(cut[0])).toBe(false);
      expect(cut.join("").replace(/\s/gu, "")).toBe(PARAGRAPH.replace(/\s/gu, ""));
    }
  });

  it("makes 2–10 character fragments when asked", () => {
    const random = createRandom(5);
    const sizes = Array.from({ length: 200 }, () => cutInsideSentence(PARAGRAPH, random, true)).flatMap((cut) => (cut ? [Math.min([...cut[0]].length, [...cut[1]].length)] : []));
    expect(sizes.length).toBeGreaterThan(100);
    expect(sizes.every((size) => size >= 2 && size <= 10)).toBe(true);
  });
});

describe("cutParagraphs", () => {
  it("labels the later pieces `cont` and keeps item and text", () => {
    const body = { date: "2020-02-14", items: [{ kind: "article" as const, authors: [] }], lines: [{ text: "标题", label: "title" as const, item: 0 }, { text: PARAGRAPH, label: "start" as const, item: 0 }] };
    const cut = cutParagraphs(body, createRandom(1), 1);
    expect(cut.lines[0]).toEqual(body.lines[0]);
    expect(cut.lines[1]?.label).toBe("start");
    expect(cut.lines.slice(2).every((line) => line.label === "cont" && line.item === 0)).toBe(true);
    expect(cut.lines.length).toBeGreaterThanOrEqual(3);
    expect(cut.lines.slice(1).map((line) => line.text).join("").replace(/\s/gu, "")).toBe(PARAGRAPH.replace(/\s/gu, ""));
  });
});

import { describe, expect, it } from "vitest";
import { LINE_LABELS } from "@/lib/segmenter/labels";
import { describeWeakestLine, LINE_LABEL_NAMES } from "./segment-labels";

describe("segmenter decisions in Chinese", () => {
  it("names every label, and reads the confidence's weakest line", () => {
    expect(Object.keys(LINE_LABEL_NAMES).sort()).toEqual([...LINE_LABELS].sort());
    expect(describeWeakestLine({ line: 67, text: "本报讯 为进一步深化", label: "start", runnerUp: "para" })).toBe("第 67 行“本报讯 为进一步深化”：判为正文首段，也可能是新段落");
    // A review item recorded before the line was stored as data keeps the text it had.
    expect(describeWeakestLine("line 3 “甲”: title, else subhead")).toBe("line 3 “甲”: title, else subhead");
  });
});

import { describe, expect, it } from "vitest";
import { LINE_LABELS } from "@/lib/segmenter/labels";
import { describeWeakestLine, LINE_LABEL_NAMES } from "./segment-labels";

describe("segmenter decisions in Chinese", () => {
  it("names every label, and reads the confidence's weakest line", () => {
    expect(Object.keys(LINE_LABEL_NAMES).sort()).toEqual([...LINE_LABELS].sort());
    expect(describeWeakestLine("line 67 “本报讯 为进一步深化”: start, else para")).toBe("第 67 行“本报讯 为进一步深化”：判为正文首段，也可能是新段落");
    expect(describeWeakestLine("something else")).toBe("something else");
  });
});

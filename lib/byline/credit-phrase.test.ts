import { describe, expect, it } from "vitest";
import { readCreditPhrase } from "./credit-phrase";
import { matchDateline } from "./dateline";
import { parseBylineLine } from "./trailing-byline";

describe("readCreditPhrase", () => {
  it("reads the opening byline after a dateline", () => {
    const opening = matchDateline("本报北京2月21日电 （记者王昊男、李红梅）今天……")?.opening;
    expect(readCreditPhrase(opening?.words ?? "", null)).toEqual([
      { name: "王昊男", role: "记者" },
      { name: "李红梅", role: "记者" },
    ]);
  });

  it("reads the same opening byline as the OCR grammar where both apply", () => {
    const words = matchDateline("本报讯（记者 王昊男 通讯员 李明）近日……")?.opening?.words ?? "";
    expect(readCreditPhrase(words, null)).toEqual(parseBylineLine(`（${words}）`)?.authors);
  });

  it("takes organisations and postings as part of the role", () => {
    expect(readCreditPhrase("本报驻埃及记者 黄培昭 新华社记者李学勇", null)).toEqual([
      { name: "黄培昭", role: "记者" },
      { name: "李学勇", role: "记者" },
    ]);
    expect(readCreditPhrase("综合本报记者贺广华、汪晓东报道", null)).toEqual([
      { name: "贺广华", role: "记者" },
      { name: "汪晓东", role: "记者" },
    ]);
  });

  it("gives names before any role word the default role", () => {
    expect(readCreditPhrase("李学军 杨晓勇", "摄影")).toEqual([
      { name: "李学军", role: "摄影" },
      { name: "杨晓勇", role: "摄影" },
    ]);
  });

  it.each(["记者手记", "记者", "作者为钢琴家", "记者从国家电网获悉"])("refuses %s", (phrase) => {
    expect(readCreditPhrase(phrase, null)).toBeNull();
  });
});

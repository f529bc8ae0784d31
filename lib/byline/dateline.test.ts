import { describe, expect, it } from "vitest";
import { DATELINE, matchDateline } from "./dateline";

describe("matchDateline", () => {
  it.each([
    ["本报讯 近日，全省……", "本报讯", null, null],
    ["本报北京2月21日电 今天……", "本报北京2月21日电", "北京", "2月21日"],
    ["新华社北京4月30日电 记者从……", "新华社北京4月30日电", "北京", "4月30日"],
    ["新华社北京4月30日专电 ……", "新华社北京4月30日专电", "北京", "4月30日"],
    ["据新华社华盛顿2月12日电 美国……", "据新华社华盛顿2月12日电", "华盛顿", "2月12日"],
    ["人民日报北京3月1日电 ……", "人民日报北京3月1日电", "北京", "3月1日"],
    ["本报北京二月二十一日电 ……", "本报北京二月二十一日电", "北京", "二月二十一日"],
    ["本报乌鲁木齐十二月三日电 ……", "本报乌鲁木齐十二月三日电", "乌鲁木齐", "十二月三日"],
    ["本报电 （记者 张三）……", "本报电", null, null],
    ["据新华社电 ……", "据新华社电", null, null],
    ["本报华沙电", "本报华沙电", "华沙", null],
    ["本报北京、华盛顿、开罗电 记者……", "本报北京、华盛顿、开罗电", "北京、华盛顿、开罗", null],
  ])("reads %s", (text, printed, place, date) => {
    expect(matchDateline(text)).toMatchObject({ printed, place, date });
  });

  it.each([
    "本报记者从国家电网获悉，……",
    "新华社电视台开播",
    "本报电力专版",
    "本报记者北京2月21日电",
    "人民日报社副总编辑出席座谈会。",
    "据悉，本报北京2月21日电",
    "记者从本报获悉",
  ])("finds no dateline in %s", (text) => {
    expect(matchDateline(text)).toBeNull();
    expect(DATELINE.test(text)).toBe(false);
  });

  it("returns the parenthesis printed after the dateline, with the spaces before it", () => {
    expect(matchDateline("本报北京2月21日电 （记者 王昊男）今天……")?.opening).toEqual({
      text: " （记者 王昊男）",
      spaceBefore: " ",
      words: "记者 王昊男",
    });
    expect(matchDateline("本报讯（记者王昊男、李红梅）近日……")?.opening?.words).toBe("记者王昊男、李红梅");
    expect(matchDateline("本报北京2月21日电 今天（周五）……")?.opening).toBeNull();
  });
});

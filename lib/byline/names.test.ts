import { describe, expect, it } from "vitest";
import { hasChineseSurname, hasPenNameShape, isListedName, isPersonName } from "./names";

describe("isPersonName (OCR bylines)", () => {
  it("accepts names of 2–4 Han characters or dotted transliterations", () => {
    expect(["李静", "何宝国", "欧阳明月", "阿依古丽·买买提", "艾克拜尔•米吉提"].every(isPersonName)).toBe(true);
    expect(["李", "欧阳明月亮", "Li", "以下简称", "综合"].some(isPersonName)).toBe(false);
  });

  it("refuses editorial words, sources and glued role or credit words", () => {
    expect(["记者手记", "手记", "待续", "人民视觉", "新华社", "程焕整理", "记者王昊", "本报综合", "据新华社"].some(isPersonName)).toBe(false);
  });
});

describe("isListedName (typeset name lists)", () => {
  it("also takes five- and six-character names, as transliterations are printed", () => {
    expect(isListedName("买买提明江")).toBe(true);
    expect(isPersonName("买买提明江")).toBe(false);
  });

  it("refuses the same non-names", () => {
    expect(["记者手记", "资料图片", "相关报道见第四版", "供图"].some(isListedName)).toBe(false);
  });
});

describe("hasChineseSurname", () => {
  it("knows single surnames from either old list, and that four characters need a compound one", () => {
    expect(["李静", "弓凤飞", "欧阳洁", "欧阳明月", "苑举正", "亓官明"].every(hasChineseSurname)).toBe(true);
    expect(["美丽中国", "暖相册", "应收尽收", "琼达卓嘎", "王小二明"].some(hasChineseSurname)).toBe(false);
  });

  it("takes compound surnames with one or two given characters", () => {
    expect(["司马光", "诸葛亮", "上官婉儿", "慕容雪村"].every(hasChineseSurname)).toBe(true);
    expect(hasChineseSurname("欧阳")).toBe(false);
  });

  it("leaves 丛 to the pen-name rule (see surnames.ts)", () => {
    expect(hasChineseSurname("丛坤")).toBe(false);
    expect(hasPenNameShape("丛坤")).toBe(true);
  });
});

describe("hasPenNameShape", () => {
  it("is two or three Han characters that are not a non-name", () => {
    expect(["羽生", "画间语", "暖相册"].every(hasPenNameShape)).toBe(true);
    expect(["美丽中国", "待续", "李"].some(hasPenNameShape)).toBe(false);
  });
});

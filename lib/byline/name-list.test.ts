import { describe, expect, it } from "vitest";
import { readNames } from "./name-list";

describe("readNames", () => {
  it("pairs single characters from spaced names and refuses prose", () => {
    expect(readNames("朱\u00a0 磊\u00a0 黄哲雨")).toEqual(["朱磊", "黄哲雨"]);
    expect(readNames("雷 声 周 石")).toEqual(["雷声", "周石"]);
    expect(readNames("王昊男、李红梅")).toEqual(["王昊男", "李红梅"]);
    expect(readNames("谢卫群等")).toEqual(["谢卫群"]);
    expect(readNames("艾克拜尔·米吉提")).toEqual(["艾克拜尔·米吉提"]);
    expect(readNames("相关报道见第四版")).toBeNull();
    expect(readNames("记者手记")).toBeNull();
  });
});

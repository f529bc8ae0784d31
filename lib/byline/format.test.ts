import { describe, expect, it } from "vitest";
import { matchDateline } from "./dateline";
import {
  formatDateline,
  formatFullDate,
  formatListedRoleByline,
  formatMonthDay,
  formatOpeningByline,
  formatPageCredit,
  formatParenByline,
  formatPenName,
  formatPhotoCredit,
  formatRoleByline,
  formatSignature,
  printRoleWord,
} from "./format";

describe("byline printing", () => {
  it("prints each role word once before its names and states those roles", () => {
    const byline = formatRoleByline([
      { name: "王昊男", role: "记者" },
      { name: "李红梅", role: "记者" },
      { name: "孟涛", role: "通讯员" },
    ]);
    expect(byline.text).toBe("记者 王昊男 李红梅 通讯员 孟涛");
    expect(byline.authors).toEqual([
      { name: "王昊男", role: "记者" },
      { name: "李红梅", role: "记者" },
      { name: "孟涛", role: "通讯员" },
    ]);
    expect(formatRoleByline([{ name: "王昊男", role: "记者" }], "本报").text).toBe("本报记者 王昊男");
    expect(formatRoleByline([{ name: "孙佳敏", role: "见习记者" }], "本报").text).toBe("本报见习记者 孙佳敏");
  });

  it("prints a role word only for reporter roles, and finds the others without a role", () => {
    const byline = formatRoleByline([{ name: "张三", role: "作者" }]);
    expect(byline).toEqual({ text: "张三", authors: [{ name: "张三", role: null }] });
  });

  it("falls back to the bare role word when the organisation has none", () => {
    expect(printRoleWord("通讯员", "新华社")).toBe("通讯员");
    expect(printRoleWord("记者", "新华社")).toBe("新华社记者");
  });

  it("prints parenthesised names and pen names without roles, in either bracket width", () => {
    expect(formatParenByline(["王昊男", "李红梅"], "full")).toEqual({ text: "（王昊男、李红梅）", authors: [{ name: "王昊男", role: null }, { name: "李红梅", role: null }] });
    expect(formatParenByline(["李静"], "ascii").text).toBe("(李静)");
    expect(formatPenName("海客", "full").text).toBe("（海客）");
  });

  it("prints datelines and the byline they carry", () => {
    const dateline = formatDateline("本报", "北京", "2020-02-21");
    expect(dateline).toBe("本报北京2月21日电");
    expect(formatDateline("新华社", "北京", "2021-04-30")).toBe("新华社北京4月30日电");
    const opening = formatOpeningByline(dateline, formatListedRoleByline([{ name: "王昊男", role: "记者" }, { name: "李红梅", role: "记者" }]), "full");
    expect(opening.text).toBe("本报北京2月21日电（记者 王昊男、李红梅）");
    expect(opening.authors).toEqual([{ name: "王昊男", role: "记者" }, { name: "李红梅", role: "记者" }]);
  });

  it("prints photo credits whose names are found as photographers", () => {
    expect(formatPhotoCredit(["张三"], "spaced").text).toBe("张三 摄");
    expect(formatPhotoCredit(["张三"], "glued", "新华社").text).toBe("新华社记者 张三摄");
    expect(formatPhotoCredit(["李学军", "杨晓勇"], "report").text).toBe("李学军 杨晓勇 摄影报道");
    expect(formatPhotoCredit(["张三"], "report").text).toBe("张三摄影报道");
    expect(formatPhotoCredit(["张三"], "glued").authors).toEqual([{ name: "张三", role: "摄影" }]);
  });

  it("prints page credits, signatures and date lines", () => {
    expect(formatPageCredit("版式设计", ["李四"])).toBe("版式设计：李四");
    expect(formatSignature(["中共山西省委", "山西省人民政府"])).toEqual({
      text: "中共山西省委 山西省人民政府",
      authors: [{ name: "中共山西省委", role: null }, { name: "山西省人民政府", role: null }],
    });
    expect(formatFullDate("2020-02-14")).toBe("2020年2月14日");
  });

  it("prints only datelines the dateline grammar reads back with the same place and date", () => {
    // Places of every shape the generator names: short, long, a place starting with 电, several at once.
    const places = ["北京", "乌鲁木齐", "呼和浩特", "约翰内斯堡", "联合国", "电白", "北京、华盛顿、开罗"];
    const organisations = ["本报", "新华社"] as const;
    const days = Array.from({ length: 366 }, (_, index) => new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10));
    for (const organisation of organisations) {
      for (const place of places) {
        for (const day of days) {
          const printed = formatDateline(organisation, place, day);
          expect(matchDateline(`${printed} 记者从……获悉`), printed).toMatchObject({ printed, place, date: formatMonthDay(day) });
        }
      }
    }
  });
});

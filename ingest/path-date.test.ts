import { describe, expect, it } from "vitest";
import { inferDateFromText, isValidCalendarDate, normalizeDateString, readDateFromPath } from "./path-date";

describe("readDateFromPath", () => {
  it("reads date, page and position from the rmrb layout", () => {
    expect(readDateFromPath("2019年2月/20190221/20190221-01-03.txt")).toEqual({ date: "2019-02-21", page: 1, position: 3 });
    expect(readDateFromPath("rmrb\\2020年1月\\20200106\\20200106-12-04.txt")).toEqual({ date: "2020-01-06", page: 12, position: 4 });
  });

  it("reads YYYYMMDD, YYYY-MM-DD and YYYY/MM/DD", () => {
    expect(readDateFromPath("scans/20190221.txt")).toEqual({ date: "2019-02-21", page: null, position: null });
    expect(readDateFromPath("paper-2019-02-21-04.txt")).toEqual({ date: "2019-02-21", page: 4, position: null });
    expect(readDateFromPath("2019/02/21/page-03.txt")).toEqual({ date: "2019-02-21", page: 3, position: null });
    expect(readDateFromPath("2019/2/21.txt")).toEqual({ date: "2019-02-21", page: null, position: null });
    expect(readDateFromPath("20190221/第4版.txt")).toEqual({ date: "2019-02-21", page: 4, position: null });
  });

  it("lets the file name win over its folders", () => {
    expect(readDateFromPath("2019/02/21/20190222-05-01.txt").date).toBe("2019-02-22");
  });

  it("refuses dates that are not on the calendar", () => {
    expect(readDateFromPath("20190230-01-01.txt").date).toBeNull();
    expect(readDateFromPath("2019-13-01.txt").date).toBeNull();
    expect(readDateFromPath("2019/02/29/a.txt").date).toBeNull();
    expect(readDateFromPath("2020/02/29/a.txt").date).toBe("2020-02-29");
    expect(readDateFromPath("id-12345678.txt")).toEqual({ date: null, page: null, position: null });
  });
});

describe("calendar helpers", () => {
  it("validates leap years and month lengths", () => {
    expect(isValidCalendarDate(2000, 2, 29)).toBe(true);
    expect(isValidCalendarDate(1900, 2, 29)).toBe(false);
    expect(isValidCalendarDate(2019, 4, 31)).toBe(false);
  });

  it("normalises date strings", () => {
    expect(normalizeDateString("2019-2-1")).toBe("2019-02-01");
    expect(normalizeDateString("20190201")).toBe("2019-02-01");
    expect(normalizeDateString("2019年2月1日")).toBe("2019-02-01");
    expect(normalizeDateString("2019-02-01T08:00:00Z")).toBe("2019-02-01");
    expect(normalizeDateString("2019-02-30")).toBeNull();
    expect(normalizeDateString("yesterday")).toBeNull();
  });
});

describe("inferDateFromText", () => {
  it("returns the latest full date mentioned", () => {
    expect(inferDateFromText("2024年12月1日开工，2025年3月24日竣工，2025年3月投产。")).toBe("2025-03-24");
  });

  it("reads dates written in Chinese numerals and full-width digits", () => {
    expect(inferDateFromText("二〇一九年十月一日，首都各界欢庆。")).toBe("2019-10-01");
    expect(inferDateFromText("二〇二〇年一月三十一日")).toBe("2020-01-31");
    expect(inferDateFromText("２０１９年２月２１日")).toBe("2019-02-21");
  });

  it("returns null without a full, valid date", () => {
    expect(inferDateFromText("2019年2月，春节前后")).toBeNull();
    expect(inferDateFromText("2019年2月30日")).toBeNull();
    expect(inferDateFromText("")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { Author } from "@/lib/article/types";
import { formatApa, formatGbt7714, type CitationInput } from "./format-citation";

function article(authors: Author[], overrides: Partial<CitationInput> = {}): CitationInput {
  return { title: "春运首日客流平稳有序", subtitle: null, authors, source: "人民日报", date: "2019-02-21", page: 4, ...overrides };
}

describe("GB/T 7714-2015 newspaper citations", () => {
  it("formats one author, the [N] type mark, the date and the page", () => {
    expect(formatGbt7714(article([{ name: "王昊男", role: "记者" }]))).toBe("王昊男. 春运首日客流平稳有序[N]. 人民日报, 2019-02-21(4).");
  });

  it("lists up to three authors, then 等", () => {
    const names = ["甲一", "乙二", "丙三", "丁四"].map((name) => ({ name, role: "记者" as const }));
    expect(formatGbt7714(article(names.slice(0, 2)))).toBe("甲一, 乙二. 春运首日客流平稳有序[N]. 人民日报, 2019-02-21(4).");
    expect(formatGbt7714(article(names))).toBe("甲一, 乙二, 丙三, 等. 春运首日客流平稳有序[N]. 人民日报, 2019-02-21(4).");
  });

  it("starts with the title when there is no author, and leaves out an unknown date", () => {
    expect(formatGbt7714(article([], { date: null }))).toBe("春运首日客流平稳有序[N]. 人民日报.");
  });

  it("credits photographers only when nobody else wrote the item", () => {
    const photo = [{ name: "李学军", role: "摄影" as const }, { name: "杨晓勇", role: "摄影" as const }];
    expect(formatGbt7714(article(photo))).toBe("李学军, 杨晓勇. 春运首日客流平稳有序[N]. 人民日报, 2019-02-21(4).");
    expect(formatGbt7714(article([{ name: "孙佳敏", role: "见习记者" }, ...photo]))).toMatch(/^孙佳敏\. /);
  });
});

describe("APA newspaper citations", () => {
  it("formats authors with &, the date in words, the paper, page and URL", () => {
    const two = [{ name: "王昊男", role: "记者" as const }, { name: "李红梅", role: "记者" as const }];
    expect(formatApa(article(two), "http://localhost:3000/articles/x")).toBe(
      "王昊男, & 李红梅. (2019, February 21). 春运首日客流平稳有序. 人民日报, 4. http://localhost:3000/articles/x",
    );
  });

  it("moves the title first when there is no author and says n.d. without a date", () => {
    expect(formatApa(article([], { date: null, page: null }), "u")).toBe("春运首日客流平稳有序. (n.d.). 人民日报. u");
  });
});

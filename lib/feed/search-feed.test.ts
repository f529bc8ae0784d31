import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/article/types";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { describeSearch, toAtomEntry, toFeedHref, toFeedRequest } from "./search-feed";

const request = (input: Record<string, unknown>) => SearchRequestSchema.parse(input);

describe("the saved-search feed's request and address", () => {
  it("keeps query and filters, drops order, page and page size, and forces newest first", () => {
    const asked = request({ q: "小微 企业", author: ["李静"], edition: ["4"], sort: "oldest", page: "3", size: "10" });
    expect(toFeedHref(asked)).toBe("/search/feed?q=%E5%B0%8F%E5%BE%AE+%E4%BC%81%E4%B8%9A&author=%E6%9D%8E%E9%9D%99&edition=4");
    expect(toFeedHref(request({}))).toBe("/search/feed");
    expect(toFeedRequest(asked)).toMatchObject({ q: "小微 企业", author: ["李静"], edition: [4], sort: "newest", page: 1, size: 50 });
  });

  it("names the query and every filter in Chinese", () => {
    expect(describeSearch(request({ q: " 春运 ", from: "2020-01-01", role: ["摄影"], edition: ["4"] }))).toBe("“春运” · 日期：2020-01-01 起 · 署名角色：摄影 · 版次：第4版");
    expect(describeSearch(request({ source: ["人民日报"] }))).toBe("全部文章 · 报纸：人民日报");
  });
});

describe("toAtomEntry", () => {
  const article = {
    id: "rmrb-20190221-01-03",
    date: "2019-02-21",
    title: "标题",
    authors: [
      { name: "王昊男", role: "记者" },
      { name: "严贵旺", role: "摄影" },
      { name: "佚名", role: null },
    ],
  } as Article;

  it("gives the permalink as id and link, the paper's day as date, authors with roles and the snippets as text", () => {
    const snippets = [
      { segments: [{ text: "前文", match: false }, { text: "春运", match: true }], start: 5, end: 9, leadingEllipsis: true, trailingEllipsis: true },
      { segments: [{ text: "结尾", match: false }], start: 40, end: 42, leadingEllipsis: true, trailingEllipsis: false },
    ];
    expect(toAtomEntry({ article, title: [], snippets }, "http://example.org/")).toEqual({
      id: "http://example.org/articles/rmrb-20190221-01-03",
      title: "标题",
      updated: "2019-02-21T00:00:00+08:00",
      link: "http://example.org/articles/rmrb-20190221-01-03",
      authors: ["记者 王昊男", "摄影 严贵旺", "佚名"],
      summary: "…前文春运… …结尾",
    });
  });

  it("dates an undated article at the epoch, since Atom requires a date", () => {
    expect(toAtomEntry({ article: { ...article, date: null }, title: [], snippets: [] }, "http://x").updated).toBe("1970-01-01T00:00:00Z");
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blocksToPlainText, type ParsedArticle } from "@/lib/article/types";
import { listTextFiles } from "../list-text-files";
import { parseRmrbArticle, splitColumnTag } from "./rmrb-article";

const FIXTURES = path.resolve(__dirname, "../../test/fixtures/per-article");
const CORPUS = path.resolve(__dirname, "../../../shared/data/rmrb");

function parseFixture(name: string): ParsedArticle {
  const text = fs.readFileSync(path.join(FIXTURES, name), "utf8");
  return parseRmrbArticle(text, { sourceFile: `rmrb/${name}`, source: "人民日报", date: "2019-02-21", dateSource: "path", page: 1, position: 3 });
}

function pairs(article: ParsedArticle): string[] {
  return article.authors.map((author) => `${author.name}/${author.role ?? "-"}`);
}

function creditPairs(article: ParsedArticle): string[] {
  return article.credits.map((credit) => `${credit.role}:${credit.name}`);
}

function text(article: ParsedArticle): string {
  return blocksToPlainText(article.blocks);
}

describe("parseRmrbArticle: header lines", () => {
  it("reads kicker, title, column tag and subtitle, and passes the context through", () => {
    const article = parseFixture("20190222-04-02.txt");
    expect(article).toMatchObject({
      kind: "article",
      source: "人民日报",
      sourceFile: "rmrb/20190222-04-02.txt",
      ordinal: 0,
      sourceKey: "20190222-04-02",
      date: "2019-02-21",
      dateSource: "path",
      page: 1,
      kicker: "两地签署合作协议",
      title: "共建产业园区",
      column: "区域协调发展",
      subtitle: "——东西部协作系列报道之二",
      titleDerived: false,
    });
  });

  it("derives a title when the headline line is empty", () => {
    const article = parseFixture("20200201-01-09.txt");
    expect(article.titleDerived).toBe(true);
    expect(article.title).toBe("特别报道");
  });

  it("keeps title qualifiers such as （试行） in the title", () => {
    expect(splitColumnTag("中国共产党国有企业基层组织工作条例（试行）")).toEqual({ title: "中国共产党国有企业基层组织工作条例（试行）", column: null });
    expect(splitColumnTag("患难见真情  共同抗疫情(国际视野)")).toEqual({ title: "患难见真情  共同抗疫情", column: "国际视野" });
    expect(splitColumnTag("观点（作者为中央党校（国家行政学院）教授）").column).toBe("作者为中央党校（国家行政学院）教授");
  });
});

describe("parseRmrbArticle: datelines", () => {
  it("takes the reporter out of the first paragraph and keeps the dateline in the text", () => {
    const article = parseFixture("20190221-01-03.txt");
    expect(pairs(article)).toEqual(["林晓川/记者"]);
    expect(article.dateline).toBe("本报杭州2月20日电");
    expect(article.place).toBe("杭州");
    expect(article.blocks[0]).toEqual({ kind: "paragraph", text: "本报杭州2月20日电\u00a0\u00a0春节刚过，浙江某县山区的一所小学收到了一批新书。" });
    expect(text(article)).not.toContain("记者林晓川");
  });

  it("reads several reporters from one parenthesis", () => {
    expect(pairs(parseFixture("20190222-04-02.txt"))).toEqual(["王晓东/记者", "李明慧/记者"]);
  });

  it("gives no author for an agency dateline without reporters", () => {
    const article = parseFixture("20191003-02-05.txt");
    expect(article.authors).toEqual([]);
    expect(article.dateline).toBe("新华社北京10月2日电");
    expect(article.place).toBe("北京");
  });

  it("reads a closing dateline with reporters and keeps only the dateline", () => {
    const article = parseFixture("20191004-03-01.txt");
    expect(pairs(article)).toEqual(["周晓峰/记者", "吴一凡/记者"]);
    expect(article.dateline).toBe("新华社北京10月3日电");
    expect(article.blocks.at(-1)).toEqual({ kind: "paragraph", text: "（新华社北京10月3日电）" });
  });

  it("keeps a closing dateline without reporters as text", () => {
    const article = parseFixture("20191001-10-04.txt");
    expect(article.authors).toEqual([]);
    expect(article.dateline).toBe("本报华沙电");
    expect(text(article)).toContain("（本报华沙电）");
  });
});

describe("parseRmrbArticle: bylines in the body", () => {
  it("reads standalone reporter lines with spaced two-character names", () => {
    const article = parseFixture("20191001-07-01.txt");
    expect(pairs(article)).toEqual(["朱磊/记者", "毕晓津/记者", "常罗/记者", "贺勇/摄影", "胡攀学/摄影"]);
    expect(creditPairs(article)).toEqual(["图片来源:人民视觉", "供图:中车长客公司", "统筹:王伟", "统筹:唐露薇"]);
    expect(text(article)).not.toMatch(/本报记者|摄|统筹/);
  });

  it("reads correspondents posted abroad", () => {
    expect(pairs(parseFixture("20190206-03-01.txt"))).toEqual(["景玥/记者", "曲晓宇/记者", "刘慧/记者"]);
  });

  it("reads closing parentheses listing reporters and 整理 credits", () => {
    expect(pairs(parseFixture("20191023-04-07.txt"))).toEqual(["孟晓夫/记者", "刘洪涛/记者", "张枨/记者", "倪弋/记者"]);
  });

  it("reads 本报记者 X整理 and reporter/通讯员 pairs, but not the person who tells the story", () => {
    const article = parseFixture("20200217-14-01.txt");
    expect(pairs(article)).toEqual(["常碧云/记者", "叶传新/记者", "胡艳霞/通讯员"]);
    expect(text(article)).toContain("第一书记方文讲述");
  });

  it("reads signatures at the end of short items and readers' letters", () => {
    expect(pairs(parseFixture("20200113-18-03.txt"))).toEqual(["许晓峰/-", "欧阳清/-"]);
    expect(pairs(parseFixture("20190225-07-01.txt"))).toEqual(["姚晓平/-", "梁晓明/-"]);
  });

  it("reads 执笔 as 撰稿", () => {
    expect(pairs(parseFixture("20191010-09-01.txt"))).toEqual(["郭晓松/撰稿"]);
  });
});

describe("parseRmrbArticle: photos, cartoons and commentary", () => {
  it("makes a photo item of a caption with a spaced 摄影报道 credit", () => {
    const article = parseFixture("20200119-04-04.txt");
    expect(article.kind).toBe("photo");
    expect(pairs(article)).toEqual(["鲜敢/摄影", "严晓旺/摄影"]);
    expect(article.blocks).toEqual([{ kind: "caption", text: "海拔近4000米的哨点，年货送到了。图为官兵搬运年货。" }]);
  });

  it("splits a text-and-photo credit line", () => {
    const article = parseFixture("20191028-01-09.txt");
    expect(pairs(article)).toEqual(["田泓/记者", "计海新/摄影"]);
    expect(creditPairs(article)).toEqual(["图片来源:影像中国"]);
  });

  it("credits the illustrator of a cartoon and makes the writer the author", () => {
    const article = parseFixture("20191014-05-04.txt");
    expect(pairs(article)).toEqual(["于石/作者"]);
    expect(creditPairs(article)).toEqual(["图:曹一"]);
  });

  it("treats pen names and 本报评论员 as 评论员", () => {
    expect(pairs(parseFixture("20191007-03-02.txt"))).toEqual(["钟声/评论员"]);
    expect(pairs(parseFixture("20190222-05-06.txt"))).toEqual(["何鼎新/评论员"]);
  });

  it("reads the name printed above an opinion piece that ends with （作者为…）, and not ——编者", () => {
    const article = parseFixture("20190214-05-01.txt");
    expect(pairs(article)).toEqual(["瞿振华/作者", "储晓晖/作者"]);
    expect(text(article)).toContain("——编");
  });

  it("keeps layout credits out of authors and out of the text", () => {
    const article = parseFixture("20190221-01-03.txt");
    expect(creditPairs(article)).toEqual(["版式设计:蔡小伟"]);
    expect(text(article)).not.toContain("蔡小伟");
  });
});

const ROLE_WORDS = /记者|通讯员|摄影|评论员|编辑|本报|新华社|整理|报道|设计|制图|作者|撰稿/u;
const CREDIT_LABELS = /版式|制图|统筹|设计|来源|责编|编辑/u;

describe.skipIf(!fs.existsSync(CORPUS))(`parseRmrbArticle on the real corpus (${CORPUS}; skipped when ../shared/data/rmrb is absent)`, () => {
  const files = listTextFiles(CORPUS);
  const parsed = files.map((relPath) => {
    const raw = fs.readFileSync(path.join(CORPUS, relPath), "utf8");
    return { relPath, raw, article: parseRmrbArticle(raw, { sourceFile: relPath, source: "人民日报", date: null, dateSource: null, page: null, position: null }) };
  });

  it("finds all 8,347 files", () => {
    expect(files.length).toBe(8347);
  });

  it("gives every file a title, and loses no body line: each becomes text or a byline/credit", () => {
    for (const { relPath, raw, article } of parsed) {
      expect(article.title, relPath).not.toBe("");
      const hasBodyLines = raw.split(/\r?\n/u).slice(3).some((line) => line.replace(/[\s\u3000\u00a0]/gu, "") !== "");
      const kept = text(article).length + article.authors.length + article.credits.length;
      if (hasBodyLines) expect(kept, relPath).toBeGreaterThan(0);
    }
  });

  it("produces author names that are names: no role words, no punctuation, no credits", () => {
    for (const { relPath, article } of parsed) {
      const creditNames = new Set(article.credits.filter((credit) => CREDIT_LABELS.test(credit.role)).map((credit) => credit.name));
      for (const author of article.authors) {
        const isInstitution = author.role === "评论员" && /评论员$/u.test(author.name);
        if (!isInstitution) expect(author.name, relPath).not.toMatch(ROLE_WORDS);
        expect(author.name, relPath).toMatch(/^[\p{Script=Han}·]{2,15}$/u);
        expect(creditNames.has(author.name) && author.role === null, relPath).toBe(false);
      }
    }
  });

  it("leaves no 版式设计 or 制图 credit line in the text", () => {
    for (const { relPath, article } of parsed) {
      for (const block of article.blocks) {
        if ("text" in block) expect(block.text, relPath).not.toMatch(/^(?:本版)?(?:版式设计|制图)[：:]/u);
      }
    }
  });

  it("finds at least one author in over a third of the files", () => {
    const withAuthor = parsed.filter(({ article }) => article.authors.length > 0).length;
    expect(withAuthor / parsed.length).toBeGreaterThan(0.35);
  });
});

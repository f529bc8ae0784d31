/**
 * The query language as readers are taught it: one row per operator with an
 * example and its meaning in Chinese. `/search/help` shows these rows, the
 * README's table repeats them, and a test checks that each example parses
 * into what the row says and that the README lists every example.
 */

export type SyntaxRow = {
  /** What the operator is called. */
  name: string;
  /** How to write it. */
  form: string;
  /** A query to try. */
  example: string;
  /** What the example finds. */
  meaning: string;
  /** What the parser must make of the example (checked by syntax.test.ts). */
  expect: { clauses: number; terms: number; negated?: number; phrases?: number; field?: "title" | "body" | "author"; near?: number };
};

export const QUERY_SYNTAX: readonly SyntaxRow[] = [
  {
    name: "词语",
    form: "直接输入，空格分隔多个词",
    example: "江城 经济",
    meaning: "同时含有“江城”和“经济”的文章（任何位置，不分词，逐字精确匹配）",
    expect: { clauses: 2, terms: 2 },
  },
  {
    name: "短语",
    form: "用引号括起：\"…\"、“…”、「…」",
    example: "“中小微企业”",
    meaning: "含有完整短语“中小微企业”的文章（短语内的空格也算）",
    expect: { clauses: 1, terms: 1, phrases: 1 },
  },
  {
    name: "排除",
    form: "在词前加减号 -",
    example: "经济 -会议",
    meaning: "含有“经济”但不含“会议”的文章",
    expect: { clauses: 2, terms: 2, negated: 1 },
  },
  {
    name: "或者",
    form: "两词之间写 OR（大写）或 |",
    example: "春运 OR 铁路",
    meaning: "含有“春运”或“铁路”的文章",
    expect: { clauses: 1, terms: 2 },
  },
  {
    name: "邻近",
    form: "A NEAR/5 B、A 近/5 B 或 \"A B\"~5（距离 1–50 个字）",
    example: "春运 NEAR/5 铁路",
    meaning: "同一段中“春运”与“铁路”相隔不超过 5 个字（先后不限）的文章",
    expect: { clauses: 1, terms: 1, near: 5 },
  },
  {
    name: "只查标题",
    form: "标题: 或 title:",
    example: "标题:江城",
    meaning: "眉题、主题或副题中含有“江城”的文章",
    expect: { clauses: 1, terms: 1, field: "title" },
  },
  {
    name: "只查正文",
    form: "正文: 或 body:",
    example: "正文:江城",
    meaning: "正文中含有“江城”的文章（不看标题和署名）",
    expect: { clauses: 1, terms: 1, field: "body" },
  },
  {
    name: "只查作者",
    form: "作者: 或 author:",
    example: "作者:王明远",
    meaning: "署名作者中有“王明远”的文章（记者、通讯员、摄影等各种署名）",
    expect: { clauses: 1, terms: 1, field: "author" },
  },
  {
    name: "组合",
    form: "以上各项可以自由组合",
    example: "标题:春运 铁路 OR 民航 -作者:新华社",
    meaning: "标题含“春运”，正文等处含“铁路”或“民航”，且作者不是“新华社”的文章",
    expect: { clauses: 3, terms: 4, negated: 1 },
  },
];

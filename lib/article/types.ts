/**
 * The article record: what every parser produces and what the app shows.
 *
 * Parsers produce `ParsedArticle` (no id, keywords or topics yet); the ingest
 * pipeline turns each one into an `Article` by adding a stable id, keywords and
 * topics. Raw search hits become `Article` again in `lib/search/` only.
 */

/** Normalised byline roles. A byline with no stated role gets `null`. */
export const AUTHOR_ROLES = [
  "记者",
  "见习记者",
  "特约记者",
  "通讯员",
  "特约通讯员",
  "摄影",
  "评论员",
  "编辑",
  "撰稿",
  "作者",
  "编译",
] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export type Author = {
  name: string;
  /** The role the byline states, normalised (摄影报道/摄 → 摄影, 本报记者 → 记者); null when not stated. */
  role: AuthorRole | null;
};

/** Non-author credits kept apart from authors, e.g. { role: "版式设计", name: "蔡华伟" }. */
export type Credit = { role: string; name: string };

/** How `date` was obtained: from a manifest, the file path, the feed record, inferred from the text, or set by a librarian. */
export const DATE_SOURCES = ["manifest", "path", "feed", "text", "librarian"] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export type ArticleBlock =
  | { kind: "paragraph"; text: string }
  /** An in-article subhead such as 工业经济稳中有进. */
  | { kind: "subhead"; text: string }
  /** A table kept as rows of cells (the first row is usually the header). */
  | { kind: "table"; rows: string[][] }
  /** A photo caption. */
  | { kind: "caption"; text: string };

/**
 * What kind of item this is. `remainder` holds page text that could not be
 * attributed to an article, so that nothing on a page is lost from search.
 */
export const ARTICLE_KINDS = ["article", "photo", "table", "remainder"] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export type ParsedArticle = {
  kind: ArticleKind;
  /** Paper or feed name, e.g. 人民日报, 新闻联播. */
  source: string;
  /** File the article came from, relative to the ingest root, with `/` separators. */
  sourceFile: string;
  /** Ordinal of the article within its file (0-based); with the file identity it makes the id stable. */
  ordinal: number;
  /** Stable key given by the source itself (feed record id, rmrb path stem), when there is one. */
  sourceKey: string | null;
  /** YYYY-MM-DD, or null when unknown. */
  date: string | null;
  dateSource: DateSource | null;
  page: number | null;
  /** The source's own column or section (双拥共建, 环球走笔, a feed's section). */
  column: string | null;
  kicker: string | null;
  title: string;
  /** True when the page had no headline and the title was derived from the text. */
  titleDerived: boolean;
  /** Subtitle or series line (——全国“敬老文明号”并州风采系列报道之四). */
  subtitle: string | null;
  authors: Author[];
  credits: Credit[];
  /** Dateline as printed, e.g. 本报北京2月21日电. */
  dateline: string | null;
  /** Place named by the dateline, e.g. 北京. */
  place: string | null;
  blocks: ArticleBlock[];
  /** How sure the page segmenter was of this item (OCR pages only; other formats have their boundaries given). */
  segmentation?: SegmentationConfidence;
};

/** 0 (a coin toss) to 1 (sure), from the margins of the segmenter's decoding (lib/segmenter/). */
export type SegmentationConfidence = {
  boundary: number;
  byline: number;
  /** The least certain decision, for a person to check. */
  weakest: WeakestLine;
};

/** A line of the page and how the segmenter read it (lib/segmenter/labels.ts names the labels). */
export type WeakestLine = {
  /** 1-based line of the page file. */
  line: number;
  /** Its first 16 characters. */
  text: string;
  label: string;
  /** The reading that came closest, which would have placed the line differently. */
  runnerUp: string;
};

export type Article = ParsedArticle & {
  /** Stable id: same input, same id, whatever the order of ingestion. [A-Za-z0-9_-] only (ARTICLE_ID). */
  id: string;
  /** Top keywords (nodejieba TF-IDF). */
  keywords: string[];
  /** Topics from the fixed taxonomy in `lib/article/topics.ts`. */
  topics: string[];
};

/** An article without its text blocks: what lists and search hits carry (the text is most of a document). */
export type ArticleSummary = Omit<Article, "blocks">;

/** The text of the article body as plain paragraphs, tables as tab-separated lines. */
export function blocksToPlainText(blocks: readonly ArticleBlock[]): string {
  return blocks
    .map((block) =>
      block.kind === "table" ? block.rows.map((row) => row.join("\t")).join("\n") : block.text,
    )
    .join("\n");
}

/**
 * Headline lines (kicker, title, subtitle) then the body: the one text an
 * article is segmented from, for keywords and for whole-word index tokens.
 */
export function toSegmentText(article: Pick<ParsedArticle, "kicker" | "title" | "subtitle" | "blocks">): string {
  return `${toHeadlineText(article)}\n${blocksToPlainText(article.blocks)}`;
}

/** Kicker, title and subtitle, one per line, the empty ones left out. */
export function toHeadlineText(article: Pick<ParsedArticle, "kicker" | "title" | "subtitle">): string {
  return [article.kicker, article.title, article.subtitle].filter(Boolean).join("\n");
}

/** What an article id may be: what ids are made of, so a URL or form value outside it names no article. */
export const ARTICLE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export function isArticleId(value: unknown): value is string {
  return typeof value === "string" && ARTICLE_ID.test(value);
}

/**
 * The labels the page segmenter gives each printed line of an OCR'd page, and the labelled-page
 * shape that the page generator produces and the trainer and evaluation read.
 *
 * A page is read as its non-blank lines in order (tab-separated lines are table rows). Article
 * boundaries, headline grouping and the joining of cut paragraphs all follow from the labels
 * (see `assemble-articles.ts`):
 *   - a new item starts at a headline line (column, kicker, title) that does not continue a
 *     headline group, at `start`, and at a `caption` that follows no headline or caption;
 *   - `cont` joins the line to the paragraph before it (a sentence cut by a column end);
 *   - `resume` joins the line to the cut paragraph of an earlier item that another item's block
 *     interrupted (interleaved columns); a headline group right before it that has no body yet
 *     becomes that item's headline when it had none.
 */
export const LINE_LABELS = [
  /** A column, section or series tag printed above the headline (【环球走笔】, 双拥共建). */
  "column",
  /** 引题: a headline line above the title. */
  "kicker",
  /** 主题: the title; a title broken over two lines is two `title` lines. */
  "title",
  /** 副题 or series line under the title (——全国“敬老文明号”并州风采系列报道之四). */
  "subtitle",
  /** A byline on its own line under the headline: （海客）, 本报记者 张三. */
  "penname",
  /** The first body line of an item. */
  "start",
  /** A new paragraph of the current item. */
  "para",
  /** Continues the line before it: the same sentence, cut by a column end or the OCR. */
  "cont",
  /** Continues the cut sentence of an earlier item whose column another item's block interrupted. */
  "resume",
  /** An in-article subhead. */
  "subhead",
  /** A photo caption. */
  "caption",
  /** A photo or page credit: 张三 摄, 新华社记者 张三 摄影报道, 版式设计：李四. */
  "credit",
  /** A table row (tab-separated cells) or a note line printed under a table. */
  "table",
  /** A closing signature on a line of its own: （李静）, 记者 张三, a letter's signer. */
  "byline",
  /** The date line closing a letter or speech: 2020年1月5日. */
  "signdate",
  /** Page furniture that belongs to no item (page header, folio, advert). */
  "other",
] as const;

export type LineLabel = (typeof LINE_LABELS)[number];

/** Labels of an item's running text: its first line, a new paragraph, a line going on with the one before, a resumed column. */
export const BODY_LABELS: ReadonlySet<string> = new Set<LineLabel>(["start", "para", "cont", "resume"]);

/** Headline labels in print order; a line ranked at or below the previous headline line starts a new group. */
export const HEADLINE_RANK: Readonly<Partial<Record<LineLabel, number>>> = { column: 0, kicker: 1, title: 2, subtitle: 3, penname: 4 };

/** The layout families the generator prints (see `ingest/page-gen/`); the evaluation reports each apart. */
export const LAYOUT_FAMILIES = [
  /** Closing byline at the end, （李静） or 记者 张三 — the seed pages' habit. */
  "byline-end",
  /** Dateline and byline at the start (本报北京5月1日电（记者 王某）), no closing signature (人民日报). */
  "dateline-start",
  /** Agency copy: 新华社北京4月30日电, items from the 新闻联播 feed. */
  "agency",
  /** A pen name in brackets on its own line under the headline (（海客）): 副刊, older papers. */
  "penname-under-headline",
  /** Traditional characters and older prose: 、 as the main punctuation, no 本报讯. */
  "traditional-older",
  /** Unsigned items only: boundaries come from headlines and the look of the text. */
  "unsigned",
  /** Photo items with only a caption and a credit, among articles. */
  "photo-caption",
  /** Tables with notes, among articles. */
  "tables",
  /** Letters and speeches closed by a signature and a date line. */
  "letters-speeches",
  /** Series lines, column tags and kickers above the titles. */
  "series-columns",
  /** Two articles' columns interleaved by the OCR. */
  "interleaved",
] as const;

export type LayoutFamily = (typeof LAYOUT_FAMILIES)[number];

export type LabelledLine = {
  /** The line as printed on the page, trimmed (table rows keep their tabs between cells). */
  text: string;
  label: LineLabel;
  /** Index of the item the line belongs to in `GeneratedPage.items`, or null for page furniture (`other`). */
  item: number | null;
};

/** What a perfect reading of one printed item finds. */
export type ExpectedItem = {
  kind: "article" | "photo" | "table";
  /** Headline lines as printed (column, kicker, title, subtitle lines, in print order). */
  headlines: string[];
  authors: { name: string; role: string | null }[];
};

export type GeneratedPage = {
  /** File name, e.g. `dateline-start-20200214-04.txt`. */
  name: string;
  family: LayoutFamily;
  /** The page text as the OCR would give it (blank lines between most printed lines). */
  text: string;
  /** The non-blank lines of `text`, in order, one to one, each with its label and item. */
  lines: LabelledLine[];
  items: ExpectedItem[];
};

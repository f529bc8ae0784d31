import type { Author, Credit } from "@/lib/article/types";

/**
 * One real report as the page printers see it: headline parts, body blocks and the bylines the
 * source states, read from an rmrb file or an xwlb item. Text is squashed (one ASCII space for any
 * layout space run), as OCR prints it.
 */
export type SourceArticle = {
  /** rmrb path stem (20200214-04-02) or xwlb id. */
  key: string;
  origin: "rmrb" | "xwlb";
  /** YYYY-MM-DD of the issue or broadcast. */
  date: string;
  /** Column tag (环球走笔) or feed section (本台短评), null when none. */
  column: string | null;
  /** Headline parts that are headline-sized (see `isHeadlineShaped` in report-shape.ts); null when absent or too long to print. */
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  blocks: SourceBlock[];
  /** Writers (person names only, no photographers), with the role the source states. */
  authors: Author[];
  photographers: Author[];
  /** Page credits (版式设计：李四), kept apart from authors; printed only by families that print credits. */
  pageCredits: Credit[];
  /** The dateline the first paragraph opens with (本报北京2月21日电, 本台消息), else null. */
  dateline: string | null;
  /** rmrb's own judgement: a photo item is captions plus a photo credit. */
  kind: "article" | "photo";
};

export type SourceBlock = { kind: "paragraph" | "subhead" | "caption"; text: string };

/** Paragraph texts of the body (subheads and captions left out). */
export function listParagraphs(source: SourceArticle): string[] {
  return source.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text);
}

export function countBodyChars(source: SourceArticle): number {
  return source.blocks.reduce((sum, block) => sum + [...block.text].length, 0);
}

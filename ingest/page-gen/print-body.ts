import type { Random } from "@/lib/random/seeded-random";
import { drawInt } from "./draw";
import type { PrintedLine } from "./printed-item";
import type { SourceArticle, SourceBlock } from "./source-article";

export type ColumnStyle = "plain" | "bracketed" | "none";

export type HeadlineOptions = { column?: ColumnStyle; kicker?: boolean; subtitle?: boolean; title?: boolean };

/** Column tag, kicker, title and subtitle lines, as asked and as the source has them. */
export function printHeadlines(source: SourceArticle, options: HeadlineOptions = {}): PrintedLine[] {
  const lines: PrintedLine[] = [];
  const column = options.column ?? "none";
  if (column !== "none" && source.column) lines.push({ text: column === "bracketed" ? `【${source.column}】` : source.column, label: "column" });
  if ((options.kicker ?? true) && source.kicker) lines.push({ text: source.kicker, label: "kicker" });
  if ((options.title ?? true) && source.title) lines.push({ text: source.title, label: "title" });
  if ((options.subtitle ?? true) && source.subtitle) lines.push({ text: source.subtitle, label: "subtitle" });
  return lines;
}

/** The first paragraph cut into the dateline it opens with (本报北京2月21日电, 本台消息) and the text after. */
export function splitOpening(source: SourceArticle): { dateline: string | null; rest: string } {
  const first = bodyBlocks(source)[0]?.text ?? "";
  const dateline = source.dateline;
  if (dateline === null || !first.startsWith(dateline)) return { dateline: null, rest: first };
  return { dateline, rest: first.slice(dateline.length).replace(/^[\s，,]+/u, "") };
}

/** Paragraphs and subheads; captions belong to pictures and a subhead never opens a body. */
export function bodyBlocks(source: SourceArticle): SourceBlock[] {
  const blocks = source.blocks.filter((block) => block.kind !== "caption");
  const first = blocks.findIndex((block) => block.kind === "paragraph");
  return first === -1 ? [] : blocks.slice(first);
}

/** Where an article is cut short so a page holds several items: this many characters, give or take a paragraph. */
export function drawBodyBudget(random: Random): number {
  return drawInt(random, 400, 1600);
}

/**
 * Body lines: the opening paragraph (given, so a family can print its own dateline or byline into
 * it) labelled `start`, the others `para`, subheads `subhead`. Long articles stop after the
 * paragraph that passes `maxChars`, never on a subhead.
 */
export function printBody(source: SourceArticle, opening: string, maxChars: number): PrintedLine[] {
  const blocks = bodyBlocks(source);
  const lines: PrintedLine[] = opening.trim() === "" ? [] : [{ text: opening.trim(), label: "start" }];
  let used = [...opening].length;
  for (const block of blocks.slice(1)) {
    if (used >= maxChars) break;
    if (lines.length === 0 && block.kind === "subhead") continue;
    lines.push({ text: block.text, label: block.kind === "subhead" ? "subhead" : lines.length === 0 ? "start" : "para" });
    used += [...block.text].length;
  }
  while (lines.at(-1)?.label === "subhead") lines.pop();
  return lines;
}

import type { ArticleBlock, ArticleKind, Author, DateSource, ParsedArticle } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { matchDateline } from "@/lib/byline/dateline";
import { dedupeAuthors } from "@/lib/byline/reading";
import { parseBylineLine, splitTrailingByline } from "@/lib/byline/trailing-byline";
import { deriveTitle } from "./derive-title";
import type { Draft } from "./draft";

/** A finished item as the article record: kind, headline fields, authors from its dateline and bylines. */

export type PageContext = {
  source: string;
  sourceFile: string;
  date: string | null;
  dateSource: DateSource | null;
  page: number | null;
};

export function toParsedArticle(draft: Draft, ordinal: number, context: PageContext): ParsedArticle {
  splitClosingByline(draft);
  const dateline = readDateline(draft.blocks);
  const authors = dedupeAuthors([...(dateline?.authors ?? []), ...draft.authors]);
  const kind = decideKind(draft, authors);
  const mains = draft.title.length > 0 ? draft.title : draft.kicker.slice(-1);
  const kicker = draft.title.length > 0 ? draft.kicker : draft.kicker.slice(0, -1);
  const subtitleAsTitle = mains.length === 0 && draft.subtitle.length > 0;
  // An item of nothing but a column line (双拥共建 left at a page end) is titled by it.
  const columnAsTitle = mains.length === 0 && !subtitleAsTitle && draft.column.length > 0 && draft.blocks.length === 0 && draft.printedBylines.length === 0;
  const title = mains.length > 0 ? mains.join("") : subtitleAsTitle ? draft.subtitle.join("") : columnAsTitle ? draft.column.join("") : null;
  return {
    kind,
    source: context.source,
    sourceFile: context.sourceFile,
    ordinal,
    sourceKey: null,
    date: context.date,
    dateSource: context.dateSource,
    page: context.page,
    column: columnAsTitle ? null : joinLines(draft.column),
    kicker: joinLines(kicker),
    title: title ?? deriveTitle(blocksToPlainText(draft.blocks) || draft.printedBylines.join(" ")),
    titleDerived: title === null,
    subtitle: subtitleAsTitle ? null : joinLines(draft.subtitle),
    authors,
    credits: draft.credits,
    dateline: dateline?.printed ?? null,
    place: dateline?.place ?? null,
    blocks: draft.blocks,
  };
}

/** A byline printed after the last sentence on the same line: …提升竞争力。(李静). */
function splitClosingByline(draft: Draft): void {
  if (draft.remainder) return;
  const last = draft.blocks.at(-1);
  if (last?.kind !== "paragraph") return;
  const split = splitTrailingByline(last.text, { penNames: true });
  if (!split) return;
  last.text = split.text;
  draft.printedBylines.push(split.byline.printed);
  draft.authors.push(...split.byline.authors);
}

function decideKind(draft: Draft, authors: readonly Author[]): ArticleKind {
  if (draft.remainder) return "remainder";
  const paragraphs = draft.blocks.filter((block) => block.kind === "paragraph").length;
  const captions = draft.blocks.filter((block) => block.kind === "caption").length;
  if (captions > 0 && paragraphs === 0) return "photo";
  const onlyPhotographers = authors.length > 0 && authors.every((author) => author.role === "摄影");
  if (onlyPhotographers && paragraphs === draft.blocks.length && paragraphs <= 2 && draft.title.length === 0) return "photo";
  return isMostlyTable(draft.blocks) ? "table" : "article";
}

function isMostlyTable(blocks: readonly ArticleBlock[]): boolean {
  let tableChars = 0;
  let textChars = 0;
  for (const block of blocks) {
    if (block.kind === "table") tableChars += block.rows.flat().join("").length;
    else textChars += block.text.length;
  }
  return tableChars > 0 && tableChars >= textChars;
}


/** The dateline opening the first paragraph, with the byline printed right after it (本报讯（记者 张三）). */
function readDateline(blocks: readonly ArticleBlock[]): { printed: string; place: string | null; authors: Author[] } | null {
  const first = blocks.find((block) => block.kind === "paragraph");
  if (first?.kind !== "paragraph") return null;
  const dateline = matchDateline(first.text.trim());
  if (!dateline) return null;
  const authors = dateline.opening ? (parseBylineLine(dateline.opening.text.trim())?.authors ?? []) : [];
  return { printed: dateline.printed, place: dateline.place, authors };
}

function joinLines(lines: readonly string[]): string | null {
  return lines.length > 0 ? lines.join("\n") : null;
}


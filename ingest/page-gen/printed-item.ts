import type { Author } from "@/lib/article/types";
import type { ExpectedItem, LabelledLine, LineLabel } from "@/lib/segmenter/labels";
import type { Corpus } from "./corpus";
import type { Random } from "@/lib/random/seeded-random";
import type { SourceArticle } from "./source-article";

/** One printed line of an item, before the page gives it an item index. */
export type PrintedLine = { text: string; label: LineLabel };

/** One item as a family prints it: its lines in print order and the authors those lines state. */
export type PrintedItem = { kind: ExpectedItem["kind"]; lines: PrintedLine[]; authors: Author[] };

/** What the page knows of each item beside its lines (headlines are read off the lines at the end). */
export type ItemFacts = Pick<ExpectedItem, "kind" | "authors">;

/** A page's lines before OCR damage and text assembly; `date` is the issue date its items come from. */
export type PageBody = { date: string; lines: LabelledLine[]; items: ItemFacts[] };

/** What a family's page builder gets: the split's corpus, the page's random stream and its item count. */
export type PageContext = { corpus: Corpus; random: Random; itemCount: number };

export type FamilyBuilder = (context: PageContext) => PageBody;

/** Item printers shared by families (an interleaved page borrows them). */
export type ItemPrinter<S> = (source: S, context: PageContext) => PrintedItem;

/** Labels of the headline group printed above a body. */
export const HEADLINE_LABELS: ReadonlySet<LineLabel> = new Set(["column", "kicker", "title", "subtitle", "penname"]);

/** Items one after another, each line tagged with its item's index. */
export function stackItems(items: readonly PrintedItem[], date: string): PageBody {
  return {
    date,
    lines: items.flatMap((item, index) => item.lines.map((line) => ({ ...line, item: index }))),
    items: items.map(toFacts),
  };
}

/** Each source printed by one printer, stacked. */
export function printSources(sources: readonly SourceArticle[], printer: ItemPrinter<SourceArticle>, context: PageContext): PageBody {
  return stackItems(
    sources.map((source) => printer(source, context)),
    sources[0]?.date ?? "",
  );
}

export function toFacts(item: PrintedItem): ItemFacts {
  return { kind: item.kind, authors: item.authors.map((author) => ({ name: author.name, role: author.role })) };
}

/** Index of the first body line (the first line after the headline group), or -1. */
export function findBodyStart(lines: readonly PrintedLine[]): number {
  return lines.findIndex((line) => !HEADLINE_LABELS.has(line.label));
}

import { blocksToPlainText, type ArticleBlock } from "./types";

/**
 * An article's blocks without their text: the text is stored once, as the plain body
 * (`blocksToPlainText`), and the layout says where each block lies in it. Lengths are in UTF-16
 * code units, the unit both sides slice by; a table keeps each cell's length, so no character a
 * cell or paragraph may hold (a tab, a line break) can move a boundary.
 */
export type BlockShape =
  | readonly [kind: Exclude<ArticleBlock["kind"], "table">, length: number]
  | readonly [kind: "table", cellLengths: readonly (readonly number[])[]];

export type BlockLayout = readonly BlockShape[];

const TEXT_KINDS: ReadonlySet<string> = new Set(["paragraph", "subhead", "caption"] satisfies Array<Exclude<ArticleBlock["kind"], "table">>);

/** The shape of each block, in order. */
export function toBlockLayout(blocks: readonly ArticleBlock[]): BlockShape[] {
  return blocks.map((block): BlockShape => (block.kind === "table" ? ["table", block.rows.map((row) => row.map((cell) => cell.length))] : [block.kind, block.text.length]));
}

/**
 * The blocks again, from the body and its layout. A layout that does not tile the body exactly
 * (a document edited by hand in the engine) gives the body's lines as paragraphs instead, so no
 * text is ever lost to a bad layout.
 */
export function readBlocks(body: string, layout: BlockLayout | null | undefined): ArticleBlock[] {
  const blocks = layout ? cutBlocks(body, layout) : null;
  return blocks ?? toParagraphs(body);
}

function cutBlocks(body: string, layout: BlockLayout): ArticleBlock[] | null {
  let offset = 0;
  const take = (length: number): string | null => {
    if (!Number.isInteger(length) || length < 0 || offset + length > body.length) return null;
    const text = body.slice(offset, offset + length);
    offset += length;
    return text;
  };
  const blocks: ArticleBlock[] = [];
  for (const shape of layout) {
    if (!Array.isArray(shape) || (!TEXT_KINDS.has(shape[0]) && shape[0] !== "table")) return null;
    const block = shape[0] === "table" ? cutTable(shape[1], take) : cutText(shape[0], shape[1], take);
    if (!block) return null;
    blocks.push(block);
  }
  // The separators were skipped by length, not read: the layout holds only if the text it rebuilds is the body.
  return blocksToPlainText(blocks) === body ? blocks : null;
}

function cutText(kind: Exclude<ArticleBlock["kind"], "table">, length: number, take: (length: number) => string | null): ArticleBlock | null {
  const text = take(length);
  take(1); // the line break after it (absent after the last block)
  return text === null ? null : { kind, text };
}

function cutTable(cellLengths: readonly (readonly number[])[], take: (length: number) => string | null): ArticleBlock | null {
  if (!Array.isArray(cellLengths)) return null;
  const rows: string[][] = [];
  for (const lengths of cellLengths) {
    if (!Array.isArray(lengths)) return null;
    const row: string[] = [];
    for (const length of lengths) {
      const cell = take(length);
      if (cell === null) return null;
      row.push(cell);
      take(1); // the tab after a cell, or the line break after the row's last one
    }
    if (lengths.length === 0) take(1); // an empty row is an empty line
    rows.push(row);
  }
  if (cellLengths.length === 0) take(1); // a table without rows printed as an empty line
  return { kind: "table", rows };
}

function toParagraphs(body: string): ArticleBlock[] {
  return body === "" ? [] : body.split("\n").map((text) => ({ kind: "paragraph", text }));
}

import type { LabelledLine } from "@/lib/segmenter/labels";
import type { Random } from "@/lib/random/seeded-random";
import { drawSources } from "../corpus";
import { chance, drawInt, pickOne } from "../draw";
import { cutInsideSentence } from "../cut-lines";
import { drawArticlePool } from "../pools";
import { findBodyStart, stackItems, toFacts, type FamilyBuilder, type ItemPrinter, type PageContext, type PrintedItem, type PrintedLine } from "../printed-item";
import type { SourceArticle } from "../source-article";
import { printAgencyItem } from "./agency";
import { printBylineEndArticle } from "./byline-end";
import { printDatelineStartArticle } from "./dateline-start";
import { printPenNameArticle } from "./penname-under-headline";
import { printUnsignedArticle } from "./unsigned";

/** A paragraph must be this long for a column end to fall inside one of its sentences. */
const MIN_CUT_CHARS = 30;
/** B's block reaches at most this many paragraphs into B before its column ends. */
const MAX_BLOCK_PARAGRAPHS = 2;

const RMRB_PRINTERS: ReadonlyArray<ItemPrinter<SourceArticle>> = [printBylineEndArticle, printDatelineStartArticle, printUnsignedArticle, printPenNameArticle];

type Cut = { index: number; before: string; after: string };

/**
 * Two adjacent items read the way the OCR reads two columns (seed page 002): A up to a cut inside
 * a sentence, then a block of B (its opening, with or without its headline) also ending inside a
 * sentence, then A again from the cut (`resume`) to its end, maybe another item or two, and then
 * B from its cut (`resume`) — with B's headline just before it when the block went without it.
 * The other items of the page are printed in the other families' styles.
 */
export const buildInterleavedPage: FamilyBuilder = (context) => {
  const { corpus, random } = context;
  const sources = drawSources(drawArticlePool(corpus, random), Math.max(3, context.itemCount), random);
  const items = sources.map((source) => (source.origin === "xwlb" ? printAgencyItem : pickOne(random, RMRB_PRINTERS))(source, context));
  const date = sources[0]?.date ?? "";
  for (const a of shuffledPairs(items.length - 1, random)) {
    const lines = interleave(items, a, context);
    if (lines) return { date, lines, items: items.map(toFacts) };
  }
  return stackItems(items, date);
};

function shuffledPairs(count: number, random: Random): number[] {
  const start = drawInt(random, 0, Math.max(0, count - 1));
  return Array.from({ length: count }, (_, offset) => (start + offset) % count);
}

function interleave(items: readonly PrintedItem[], a: number, context: PageContext): LabelledLine[] | null {
  const { random } = context;
  const itemA = items[a];
  const itemB = items[a + 1];
  if (!itemA || !itemB) return null;
  const bodyStartA = findBodyStart(itemA.lines);
  const bodyStartB = findBodyStart(itemB.lines);
  const cutA = drawCut(itemA.lines, bodyStartA, itemA.lines.length, random);
  const cutB = drawCut(itemB.lines, bodyStartB, bodyStartB + MAX_BLOCK_PARAGRAPHS, random);
  if (bodyStartA < 0 || bodyStartB < 0 || !cutA || !cutB) return null;
  const tag = (lines: readonly PrintedLine[], item: number): LabelledLine[] => lines.map((line) => ({ ...line, item }));
  const headlineB = itemB.lines.slice(0, bodyStartB);
  const headlineLater = headlineB.length > 0 && chance(random, 0.5);
  const b = a + 1;
  const before = items.slice(0, a).flatMap((item, index) => tag(item.lines, index));
  const partA1 = tag([...itemA.lines.slice(0, cutA.index), { text: cutA.before, label: labelOf(itemA.lines, cutA.index) }], a);
  const blockB = tag([...(headlineLater ? [] : headlineB), ...itemB.lines.slice(bodyStartB, cutB.index), { text: cutB.before, label: labelOf(itemB.lines, cutB.index) }], b);
  const partA2 = tag([{ text: cutA.after, label: "resume" }, ...itemA.lines.slice(cutA.index + 1)], a);
  const between = drawInt(random, 0, Math.min(2, items.length - b - 1));
  const middle = items.slice(b + 1, b + 1 + between).flatMap((item, offset) => tag(item.lines, b + 1 + offset));
  const restB = tag([...(headlineLater ? headlineB : []), { text: cutB.after, label: "resume" }, ...itemB.lines.slice(cutB.index + 1)], b);
  const after = items.slice(b + 1 + between).flatMap((item, offset) => tag(item.lines, b + 1 + between + offset));
  return [...before, ...partA1, ...blockB, ...partA2, ...middle, ...restB, ...after];
}

function labelOf(lines: readonly PrintedLine[], index: number): PrintedLine["label"] {
  return lines[index]?.label ?? "para";
}

/** A body paragraph in [from, to) long enough to cut, cut inside a sentence. */
function drawCut(lines: readonly PrintedLine[], from: number, to: number, random: Random): Cut | null {
  const candidates = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index >= from && index < to && (line.label === "start" || line.label === "para") && [...line.text].length >= MIN_CUT_CHARS);
  if (candidates.length === 0) return null;
  const { line, index } = pickOne(random, candidates);
  const cut = cutInsideSentence(line.text, random);
  return cut ? { index, before: cut[0], after: cut[1] } : null;
}

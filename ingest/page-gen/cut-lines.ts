import { endsSentence } from "@/lib/byline/trailing-byline";
import type { LabelledLine, LineLabel } from "@/lib/segmenter/labels";
import type { Random } from "@/lib/random/seeded-random";
import { chance, drawInt } from "./draw";
import type { PageBody } from "./printed-item";
import { startsWithClosingMark } from "./report-shape";

/** Lines a column end can cut: body paragraphs (captions stay whole, tables and headlines too). */
const CUTTABLE: ReadonlySet<LineLabel> = new Set(["start", "para", "resume"]);
const MIN_CUTTABLE_CHARS = 16;
/** Pieces shorter than this would be punctuation crumbs, which the real pages do not show. */
const MIN_PIECE_CHARS = 2;
const MAX_FRAGMENT_CHARS = 10;
const TRIES = 12;

/**
 * Cuts `text` in two inside a sentence — the first part never ends one, or the cut would be a
 * paragraph end — or returns null when no such place is found. `fragment` asks for a piece of
 * 2–10 characters (a column that holds only the end or the start of a sentence).
 */
export function cutInsideSentence(text: string, random: Random, fragment = false): [string, string] | null {
  const chars = [...text];
  if (chars.length < MIN_PIECE_CHARS * 2 + 1) return null;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const at = fragment ? drawFragmentCut(chars.length, random) : drawInt(random, MIN_PIECE_CHARS, chars.length - MIN_PIECE_CHARS);
    const before = chars.slice(0, at).join("").trim();
    const after = chars.slice(at).join("").trim();
    // A column rarely starts on a punctuation mark, but the OCR does return such lines now and then.
    if (startsWithClosingMark(after) && chance(random, 0.8)) continue;
    if ([...before].length >= MIN_PIECE_CHARS && [...after].length >= MIN_PIECE_CHARS && !endsSentence(before)) return [before, after];
  }
  return null;
}

function drawFragmentCut(length: number, random: Random): number {
  const size = drawInt(random, MIN_PIECE_CHARS, Math.min(MAX_FRAGMENT_CHARS, length - MIN_PIECE_CHARS));
  return chance(random, 0.7) ? length - size : size;
}

/**
 * OCR damage: body paragraphs cut by column ends into two or three lines, the later pieces
 * labelled `cont`. `share` is the page's share of cut paragraphs.
 */
export function cutParagraphs(body: PageBody, random: Random, share: number): PageBody {
  const lines = body.lines.flatMap((line): LabelledLine[] => {
    if (!CUTTABLE.has(line.label) || [...line.text].length < MIN_CUTTABLE_CHARS || !chance(random, share)) return [line];
    const pieces = cutIntoPieces(line.text, random, chance(random, 0.25) ? 3 : 2);
    return pieces.map((text, index) => ({ ...line, text, label: index === 0 ? line.label : "cont" }));
  });
  return { ...body, lines };
}

function cutIntoPieces(text: string, random: Random, count: number): string[] {
  const pieces = [text];
  while (pieces.length < count) {
    const last = pieces.pop() ?? "";
    const cut = cutInsideSentence(last, random, chance(random, 0.2));
    if (cut === null) return [...pieces, last];
    pieces.push(...cut);
  }
  return pieces;
}

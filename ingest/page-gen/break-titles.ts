import type { LabelledLine } from "@/lib/segmenter/labels";
import type { Random } from "@/lib/random/seeded-random";
import { chance } from "./draw";
import { startsWithClosingMark } from "./report-shape";

/** Titles longer than this are set over two lines on narrow columns. */
const LONG_TITLE_CHARS = 22;

/** Long titles broken into two `title` lines (at a space near the middle when there is one). */
export function breakLongTitles(lines: readonly LabelledLine[], random: Random, share: number): LabelledLine[] {
  return lines.flatMap((line) => {
    if (line.label !== "title" || [...line.text].length <= LONG_TITLE_CHARS || !chance(random, share)) return [line];
    const parts = splitTitle(line.text, random);
    return parts.map((text) => ({ ...line, text }));
  });
}

function splitTitle(title: string, random: Random): string[] {
  const chars = [...title];
  const low = Math.floor(chars.length * 0.3);
  const high = Math.ceil(chars.length * 0.7);
  const spaces = chars.map((char, index) => (char === " " && index >= low && index <= high ? index : -1)).filter((index) => index > 0);
  const at = spaces.length > 0 ? (spaces[Math.floor(random() * spaces.length)] ?? low) : low + Math.floor(random() * (high - low));
  const first = chars.slice(0, at).join("").trim();
  const second = chars.slice(at).join("").trim();
  return first === "" || second === "" || startsWithClosingMark(second) ? [title] : [first, second];
}

import { Converter } from "opencc-js";
import type { Random } from "@/lib/random/seeded-random";
import { BODY_LABELS } from "@/lib/segmenter/labels";
import { chance } from "./draw";
import type { PrintedItem } from "./printed-item";

/** Phrase-level conversion (OpenCC's Taiwan standard), as a Traditional-script paper is set. */
const toTraditional = Converter({ from: "cn", to: "tw" });
/** The running text an older paper sets with its punctuation: body lines, subheads and captions. */
const AGED_LABELS: ReadonlySet<string> = new Set([...BODY_LABELS, "subhead", "caption"]);

/**
 * An item as an older paper prints it: 、 where today's text has ， (most of them) and in place of
 * some 。 — the paragraph's last 。 kept only sometimes — and everything in Traditional
 * characters, the names in the byline included.
 */
export function printOlder(item: PrintedItem, random: Random): PrintedItem {
  const stopShare = 0.15 + random() * 0.35;
  const keepFinalStop = chance(random, 0.5);
  const lines = item.lines.map((line) => {
    const text = AGED_LABELS.has(line.label) ? agePunctuation(line.text, random, stopShare, keepFinalStop) : line.text;
    return { ...line, text: toTraditional(text) };
  });
  return { ...item, lines, authors: item.authors.map((author) => ({ ...author, name: toTraditional(author.name) })) };
}

function agePunctuation(text: string, random: Random, stopShare: number, keepFinalStop: boolean): string {
  const chars = [...text];
  return chars
    .map((char, index) => {
      if (char === "，") return chance(random, 0.85) ? "、" : char;
      if (char !== "。") return char;
      if (index === chars.length - 1) return keepFinalStop ? char : "、";
      return chance(random, stopShare) ? "、" : char;
    })
    .join("");
}

import type { ExpectedItem, GeneratedPage, LabelledLine, LayoutFamily, LineLabel } from "@/lib/segmenter/labels";
import type { Random } from "@/lib/random/seeded-random";
import { chance } from "./draw";
import type { ItemFacts } from "./printed-item";

/** Headline lines a reader lists as the item's headlines (a pen name is a byline, not a headline). */
const LISTED_HEADLINES: ReadonlySet<LineLabel> = new Set(["column", "kicker", "title", "subtitle"]);

export type BlankLineNoise = { lostShare: number; doubledShare: number };

/**
 * The page as the OCR gives it: a blank line after every printed line (real pages also open
 * with blank lines), sometimes one lost or doubled; the expected items read off the final lines.
 */
export function assemblePage(name: string, family: LayoutFamily, lines: readonly LabelledLine[], facts: readonly ItemFacts[], random: Random, noise: BlankLineNoise): GeneratedPage {
  let text = "\n\n";
  lines.forEach((line, index) => {
    text += line.text;
    if (index === lines.length - 1) return;
    text += chance(random, noise.lostShare) ? "\n" : chance(random, noise.doubledShare) ? "\n\n\n" : "\n\n";
  });
  return { name, family, text: `${text}\n`, lines: [...lines], items: facts.map((item, index) => toExpected(item, index, lines)) };
}

function toExpected(facts: ItemFacts, index: number, lines: readonly LabelledLine[]): ExpectedItem {
  const headlines = lines.filter((line) => line.item === index && LISTED_HEADLINES.has(line.label)).map((line) => line.text);
  return { kind: facts.kind, headlines, authors: facts.authors };
}

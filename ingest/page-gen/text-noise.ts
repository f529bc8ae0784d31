import type { LabelledLine, LineLabel } from "@/lib/segmenter/labels";
import type { Random } from "@/lib/random/seeded-random";
import { chance, drawInt, pickWeighted } from "./draw";

/** Full-width punctuation and the ASCII form the OCR may return instead. */
const WIDTH_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["（", "("],
  ["）", ")"],
  ["，", ","],
  ["：", ":"],
  ["；", ";"],
];
const TO_HALF = new Map(WIDTH_PAIRS.map(([full, half]) => [full, half]));
const TO_FULL = new Map(WIDTH_PAIRS.map(([full, half]) => [half, full]));
/** Stray spaces stay out of names (bylines, credits) and table cells, whose spacing carries meaning. */
const SPACE_FREE: ReadonlySet<LineLabel> = new Set(["table", "byline", "penname", "credit", "signdate"]);

export type NoiseLevel = { widths: "keep" | "half" | "mixed"; swapShare: number; spaceShare: number };

/** One page's noise: most pages keep their punctuation; some come back half-width throughout (as seed page 000). */
export function drawNoiseLevel(random: Random): NoiseLevel {
  return {
    widths: pickWeighted(random, [["keep", 0.5], ["half", 0.25], ["mixed", 0.25]] as const),
    swapShare: 0.05 + random() * 0.2,
    spaceShare: chance(random, 0.5) ? random() * 0.15 : 0,
  };
}

export function addTextNoise(lines: readonly LabelledLine[], random: Random, level: NoiseLevel): LabelledLine[] {
  return lines.map((line) => {
    let text = swapWidths(line.text, random, level);
    if (!SPACE_FREE.has(line.label) && chance(random, level.spaceShare)) text = insertStraySpace(text, random);
    return { ...line, text };
  });
}

function swapWidths(text: string, random: Random, level: NoiseLevel): string {
  if (level.widths === "keep") return text;
  return [...text]
    .map((char) => {
      if (level.widths === "half") return TO_HALF.get(char) ?? char;
      const swapped = TO_HALF.get(char) ?? TO_FULL.get(char);
      return swapped !== undefined && chance(random, level.swapShare) ? swapped : char;
    })
    .join("");
}

/** A space (sometimes two) inside the line, never at either end. */
function insertStraySpace(text: string, random: Random): string {
  const chars = [...text];
  if (chars.length < 4) return text;
  const at = drawInt(random, 1, chars.length - 2);
  return [...chars.slice(0, at), chance(random, 0.8) ? " " : "  ", ...chars.slice(at)].join("");
}

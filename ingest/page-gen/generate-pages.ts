import { LAYOUT_FAMILIES, type GeneratedPage, type LayoutFamily } from "@/lib/segmenter/labels";
import { createRandom, type Random } from "@/lib/random/seeded-random";
import { assemblePage } from "./assemble-page";
import { breakLongTitles } from "./break-titles";
import { DEFAULT_DATA_ROOT, loadCorpus, type Corpus } from "./corpus";
import { cutParagraphs } from "./cut-lines";
import { chance, drawInt } from "./draw";
import { FAMILY_BUILDERS } from "./family-builders";
import { drawPageFurniture } from "./page-furniture";
import type { PageBody } from "./printed-item";
import type { PageSplit } from "./splits";
import { addTextNoise, drawNoiseLevel } from "./text-noise";

export type GeneratePagesOptions = {
  /** Where the articles come from: one split, or several read as one (loadCorpus). */
  split: PageSplit | readonly PageSplit[];
  /** Families to print, in this order; all of LAYOUT_FAMILIES when left out. */
  families?: readonly LayoutFamily[];
  pagesPerFamily: number;
  seed: number;
  /** The folder holding rmrb/ and xwlb/ (default ../shared/data beside the repo). */
  dataRoot?: string;
};

const MIN_ITEMS = 3;
const MAX_ITEMS = 8;
const FURNITURE_SHARE = 0.1;

/**
 * Labelled OCR-style pages built from the split's real articles, `pagesPerFamily` per family.
 * Each family has its own random stream (from the seed and the family's name), so a family's
 * pages are the same whichever other families are asked for.
 */
export function generatePages(options: GeneratePagesOptions): GeneratedPage[] {
  const corpus = loadCorpus(options.split, options.dataRoot ?? DEFAULT_DATA_ROOT);
  return (options.families ?? LAYOUT_FAMILIES).flatMap((family) => {
    const random = createRandom(mixSeed(options.seed, family));
    return Array.from({ length: options.pagesPerFamily }, (_, index) => generatePage(family, index, corpus, random));
  });
}

function generatePage(family: LayoutFamily, index: number, corpus: Corpus, random: Random): GeneratedPage {
  const body = FAMILY_BUILDERS[family]({ corpus, random, itemCount: drawInt(random, MIN_ITEMS, MAX_ITEMS) });
  const damaged = damagePage(body, random);
  const name = `${family}-${body.date.replaceAll("-", "")}-${String(index + 1).padStart(3, "0")}.txt`;
  return assemblePage(name, family, damaged.lines, damaged.items, random, { lostShare: random() * 0.04, doubledShare: random() * 0.04 });
}

/** OCR damage every family gets: column cuts, broken titles, punctuation widths, stray spaces, page furniture. */
function damagePage(body: PageBody, random: Random): PageBody {
  const cut = cutParagraphs(body, random, 0.1 + random() * 0.4);
  let lines = addTextNoise(breakLongTitles(cut.lines, random, 0.5), random, drawNoiseLevel(random));
  if (chance(random, FURNITURE_SHARE)) lines = [{ text: drawPageFurniture(body.date, random), label: "other", item: null }, ...lines];
  return { ...cut, lines };
}

/** The seed and the family name folded into one 32-bit seed (FNV-1a). */
function mixSeed(seed: number, family: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of family) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return hash >>> 0;
}

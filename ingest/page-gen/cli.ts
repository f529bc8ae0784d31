import { parseArgs } from "node:util";
import { LAYOUT_FAMILIES, type LayoutFamily } from "@/lib/segmenter/labels";
import { generatePages } from "./generate-pages";
import { PAGE_SPLITS, type PageSplit } from "./splits";
import { writePages } from "./write-pages";

/**
 * Writes generated pages for inspection:
 *   npx tsx ingest/page-gen/cli.ts --split test --pages 20 --out /tmp/pages [--family interleaved] [--seed 7]
 * `--pages` is per family; `--family` may be repeated (all families when left out).
 */
const { values } = parseArgs({
  options: {
    split: { type: "string", default: "test" },
    pages: { type: "string", default: "5" },
    out: { type: "string", default: "/tmp/pages" },
    family: { type: "string", multiple: true },
    seed: { type: "string", default: "1" },
  },
});

const split = values.split as PageSplit;
if (!PAGE_SPLITS.includes(split)) throw new Error(`--split must be one of ${PAGE_SPLITS.join(", ")}`);
const families = (values.family ?? [...LAYOUT_FAMILIES]) as LayoutFamily[];
const unknown = families.filter((family) => !LAYOUT_FAMILIES.includes(family));
if (unknown.length > 0) throw new Error(`unknown family: ${unknown.join(", ")} (known: ${LAYOUT_FAMILIES.join(", ")})`);

const started = performance.now();
const pages = generatePages({ split, families, pagesPerFamily: Number(values.pages), seed: Number(values.seed) });
const seconds = (performance.now() - started) / 1000;
writePages(values.out, pages);
console.log(`${pages.length} pages (${families.length} families, split ${split}) in ${seconds.toFixed(1)} s → ${values.out}`);

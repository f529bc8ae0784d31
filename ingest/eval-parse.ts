import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { LAYOUT_FAMILIES, type GeneratedPage } from "@/lib/segmenter/labels";
import { segmentPage } from "@/lib/segmenter/segment-page";
import { readModelTraining, useModelFile } from "@/lib/segmenter/model-file";
import { countBoundaryErrors, createBoundaryErrors, listLargest, sumCounts, type BoundaryReading } from "./eval-boundaries";
import { scoreGeneratedPages, type FamilyScore, type ParsePageDetailed } from "./eval-generated-pages";
import { evaluateOcrPages, type OcrParseEvaluation } from "./eval-parse-pages";
import { DEFAULT_CORPUS, evaluateRmrbBylines, type Score } from "./eval-parse-rmrb";
import { generatePages } from "./page-gen";
import { toOcrPageParse } from "./parsers/ocr-page";
import { REVIEW_THRESHOLD } from "./review-list";

/**
 * `npm run eval:parse`: how well OCR'd pages become articles, on data the segmenter was not
 * trained on.
 *
 *   layout families   pages generated from the TEST months only (rmrb 2020-02, xwlb 2021–2026;
 *                     features are tuned on the dev months, rmrb 2020-01 and xwlb 2018–2020, with
 *                     models trained on rmrb 2019-02/2019-10 and xwlb 2012–2017 alone; the shipped
 *                     model is refitted on both), every family apart, then all together
 *   seed pages        the two real hand-labelled OCR pages (../shared/data/pages)
 *   fixtures          the hand-labelled OCR fixtures in test/fixtures/ocr
 *   rmrb bylines      the hand-labelled rmrb files (test/fixtures/rmrb-bylines.json)
 *
 *   npm run eval:parse [-- --split dev|test] [--pages N] [--seed N] [--model FILE] [--boundaries]
 *
 * `--boundaries` also prints, per family, the kinds of boundary most often missed or invented
 * (eval-boundaries.ts): what to look at first; tune on dev with it, never on test.
 *
 * `--model FILE` reads another model file instead of the shipped one: tune against dev with a
 * model of the training months alone (`npm run train:segmenter -- --splits train --out FILE`),
 * since the shipped one has seen the dev months; the heading says when the split was trained on.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED_PAGES = path.resolve(HERE, "../../shared/data/pages");
const FIXTURE_PAGES = path.resolve(HERE, "../test/fixtures/ocr");
const FAMILY_TARGET = 0.95;
const EVAL_SEED = 4242;

function main(): void {
  const { values } = parseArgs({ options: { split: { type: "string", default: "test" }, pages: { type: "string", default: "60" }, seed: { type: "string" }, model: { type: "string" }, boundaries: { type: "boolean", default: false } } });
  const split = values.split === "dev" ? "dev" : "test";
  if (values.model) useModelFile(pathToFileURL(path.resolve(values.model)));
  const pagesPerFamily = Number(values.pages);
  const seed = values.seed ? Number(values.seed) : EVAL_SEED;
  if (!fs.existsSync(DEFAULT_CORPUS)) console.log(`layout families: skipped, ${DEFAULT_CORPUS} is absent`);
  else {
    const pages = generatePages({ split, families: [...LAYOUT_FAMILIES], pagesPerFamily, seed });
    // With --boundaries the segmentation each page's score is made from is kept for the boundary count, not redone.
    const readings = new Map<string, BoundaryReading>();
    const parse: ParsePageDetailed = (text, context) => {
      const page = segmentPage(text, context);
      if (values.boundaries) readings.set(context.sourceFile, { lineItems: page.lineItems, labels: page.decisions.map((decision) => decision.label) });
      return toOcrPageParse(page);
    };
    printFamilies(split, seed, scoreGeneratedPages(pages, parse));
    if (values.boundaries) printBoundaryErrors(pages, readings);
  }
  console.log("");
  printLabelledPages("seed OCR pages (real, hand-labelled)", SEED_PAGES);
  printLabelledPages("OCR fixtures (hand-labelled, test/fixtures/ocr)", FIXTURE_PAGES);
  printRmrbBylines();
}

function printFamilies(split: string, seed: number, rows: readonly FamilyScore[]): void {
  const trained = readTrainedSplits();
  const heldOut = trained.includes(split) ? `TRAINED ON by this model (${trained.join(" + ")} months): not held out` : "not used in training";
  console.log(`Whole articles on generated pages, ${split} months (${heldOut}), seed ${seed}:`);
  const header = ["family", "pages", "items", "whole R", "whole P", "headlines", "byline P", "byline R", "review listed", "review catches"];
  const body = rows.map((row) => [
    row.family,
    String(row.pages),
    String(row.items),
    mark(row.recall, row.family === "all" ? 0.98 : FAMILY_TARGET),
    mark(row.precision, row.family === "all" ? 0.98 : FAMILY_TARGET),
    mark(row.headlines, 0.97),
    mark(row.bylineP, 0.98),
    mark(row.bylineR, 0.98),
    `${(row.reviewListedShare * 100).toFixed(1)} %`,
    `${(row.reviewCatches * 100).toFixed(1)} %`,
  ]);
  printTable(header, body);
  const families = rows.filter((row) => row.family !== "all");
  const weakest = families.reduce((worst, row) => (Math.min(row.recall, row.precision) < Math.min(worst.recall, worst.precision) ? row : worst), families[0]!);
  if (weakest) console.log(`weakest family: ${weakest.family} (whole R ${weakest.recall.toFixed(3)}, P ${weakest.precision.toFixed(3)})`);
  console.log(`* below target (families ${FAMILY_TARGET}, all 0.98, headlines 0.97, bylines 0.98)`);
  console.log(`review listed: parsed items \`ingest --review-list\` lists (rated below ${REVIEW_THRESHOLD}); review catches: the wrong parsed items among them`);
}

/** The splits the model in use was trained on; files written before `splits` was recorded name one `split`. */
function readTrainedSplits(): string[] {
  const training = readModelTraining();
  if (Array.isArray(training.splits)) return training.splits.map(String);
  return typeof training.split === "string" ? [training.split] : [];
}

/** `--boundaries`: per family, the kinds of boundary the segmenter misses or invents most (eval-boundaries.ts). */
function printBoundaryErrors(pages: readonly GeneratedPage[], readings: ReadonlyMap<string, BoundaryReading>): void {
  for (const family of LAYOUT_FAMILIES) {
    const errors = createBoundaryErrors();
    for (const page of pages.filter((one) => one.family === family)) {
      const reading = readings.get(page.name);
      if (!reading) throw new Error(`eval:parse: page ${page.name} was not segmented`);
      countBoundaryErrors(page, reading, errors);
    }
    console.log("");
    console.log(`boundaries, ${family}: ${errors.printed} printed, ${sumCounts(errors.missed)} missed, ${sumCounts(errors.invented)} invented; most missed (printed labels, label read):`);
    for (const [kind, count] of listLargest(errors.missed, BOUNDARY_KINDS)) console.log(`  ${String(count).padStart(5)}  ${kind}`);
    console.log("  most invented:");
    for (const [kind, count] of listLargest(errors.invented, BOUNDARY_KINDS)) console.log(`  ${String(count).padStart(5)}  ${kind}`);
  }
}

const BOUNDARY_KINDS = 6;

function printLabelledPages(label: string, dir: string): void {
  if (!fs.existsSync(path.join(dir, "expected"))) {
    console.log(`${label}: skipped, ${dir} is absent`);
    return;
  }
  const evaluation: OcrParseEvaluation = evaluateOcrPages(dir);
  const { boundaries, bylines } = evaluation;
  console.log(
    `${label}: ${evaluation.pages.length} pages, articles ${boundaries.foundExpected}/${boundaries.expected} found (P ${boundaries.precision.toFixed(3)}), ` +
      `bylines P ${bylines.precision.toFixed(3)} R ${bylines.recall.toFixed(3)}`,
  );
  for (const page of evaluation.pages) if (page.missed.length > 0) console.log(`    ${page.page}: missed articles ${page.missed.join(", ")}`);
}

function printRmrbBylines(): void {
  if (!fs.existsSync(DEFAULT_CORPUS)) {
    console.log(`rmrb bylines: skipped, ${DEFAULT_CORPUS} is absent`);
    return;
  }
  const report = evaluateRmrbBylines(DEFAULT_CORPUS);
  const line = (label: string, files: number, score: Score) =>
    console.log(`${label}: ${files} files, names and roles P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}`);
  line("rmrb bylines, labelled sample (written while reading it)", report.sample.files, report.sample.authors);
  if (report.heldOut) line("rmrb bylines, held-out sample", report.heldOut.files, report.heldOut.authors);
}

function mark(value: number, target: number): string {
  return `${value.toFixed(3)}${value < target ? "*" : " "}`;
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(format(row));
}


main();

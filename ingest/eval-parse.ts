import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { evaluateOcrPages, type OcrParseEvaluation, type PrecisionRecall } from "./eval-parse-pages";
import { DEFAULT_CORPUS, evaluateRmrbBylines, type Score } from "./eval-parse-rmrb";
import { buildSyntheticPages, writeLabelledPages, type SyntheticPageOptions } from "./synthetic-pages";

/**
 * `npm run eval:parse`: article-boundary and byline precision/recall of the parsers, in one table.
 *
 *   seed pages        the two hand-labelled OCR pages in ../shared/data/pages/expected (17 articles)
 *   rmrb bylines      the hand-labelled rmrb files (test/fixtures/rmrb-bylines.json), sample and held-out
 *   synthetic pages   OCR-style pages assembled from signed rmrb articles (ingest/synthetic-pages.ts),
 *                     and the same with unsigned articles added (a stress row: their end is unmarked)
 *
 *   npm run eval:parse [-- --keep DIR]     --keep writes the synthetic pages and labels to DIR
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED_PAGES = path.resolve(HERE, "../../shared/data/pages");
const TARGET = 0.95;

type Cell = number | null;
type Row = { set: string; units: string; boundaryP: Cell; boundaryR: Cell; bylineP: Cell; bylineR: Cell; note?: string };

function main(): void {
  const { values } = parseArgs({ options: { keep: { type: "string" } } });
  const rows: Row[] = [...evaluateSeedPages(), ...evaluateRmrb(), ...evaluateSynthetic(values.keep ?? null)];
  printTable(rows);
}

function evaluateSeedPages(): Row[] {
  if (!fs.existsSync(path.join(SEED_PAGES, "expected"))) return [makeSkippedRow("seed OCR pages", SEED_PAGES)];
  const evaluation = evaluateOcrPages(SEED_PAGES);
  return [toPageRow(`seed OCR pages (${evaluation.pages.length} pages)`, evaluation)];
}

function evaluateRmrb(): Row[] {
  if (!fs.existsSync(DEFAULT_CORPUS)) return [makeSkippedRow("rmrb bylines", DEFAULT_CORPUS)];
  const report = evaluateRmrbBylines(DEFAULT_CORPUS);
  const rows = [toBylineRow("rmrb bylines, labelled sample", report.sample.files, report.sample.authors)];
  if (report.heldOut) rows.push(toBylineRow("rmrb bylines, held-out sample", report.heldOut.files, report.heldOut.authors));
  return rows;
}

function evaluateSynthetic(keepDir: string | null): Row[] {
  if (!fs.existsSync(DEFAULT_CORPUS)) return [makeSkippedRow("synthetic OCR pages", DEFAULT_CORPUS)];
  return [
    evaluateSyntheticSet("synthetic OCR pages from signed rmrb articles", {}, keepDir),
    {
      ...evaluateSyntheticSet("  stress: unsigned rmrb articles added", { includeUnsigned: true }, keepDir && path.join(keepDir, "with-unsigned")),
      note: "not a target: an unsigned article's end is unmarked in OCR text",
    },
  ];
}

/** Builds the pages, writes them where `evaluateOcrPages` reads labelled pages, and scores them. */
function evaluateSyntheticSet(label: string, options: SyntheticPageOptions, keepDir: string | null): Row {
  const pages = buildSyntheticPages(DEFAULT_CORPUS, options);
  const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "baoku-synthetic-"));
  try {
    writeLabelledPages(dir, pages);
    return toPageRow(`${label} (${pages.length} pages)`, evaluateOcrPages(dir));
  } finally {
    if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function toPageRow(set: string, evaluation: OcrParseEvaluation): Row {
  const { boundaries, bylines } = evaluation;
  return {
    set,
    units: `${boundaries.expected} articles, ${bylines.expected} authors`,
    boundaryP: boundaries.precision,
    boundaryR: boundaries.recall,
    bylineP: bylines.precision,
    bylineR: bylines.recall,
    note: describeMisses(boundaries),
  };
}

function toBylineRow(set: string, files: number, score: Score): Row {
  const pairs = score.truePositives + score.falseNegatives;
  return { set, units: `${files} files, ${pairs} authors`, boundaryP: null, boundaryR: null, bylineP: score.precision, bylineR: score.recall };
}

function describeMisses(boundaries: PrecisionRecall): string | undefined {
  const missed = boundaries.expected - boundaries.foundExpected;
  const extra = boundaries.predicted - boundaries.correctPredicted;
  return missed + extra > 0 ? `${missed} articles not found, ${extra} parsed items match none` : undefined;
}

function makeSkippedRow(set: string, where: string): Row {
  return { set, units: "–", boundaryP: null, boundaryR: null, bylineP: null, bylineR: null, note: `skipped: ${where} is absent` };
}

function printTable(rows: readonly Row[]): void {
  const header = ["set", "units", "boundary P", "boundary R", "byline P", "byline R"];
  const body = rows.map((row) => [row.set, row.units, ...[row.boundaryP, row.boundaryR, row.bylineP, row.bylineR].map(formatCell)]);
  const widths = header.map((title, column) => Math.max(measureDisplayWidth(title), ...body.map((cells) => measureDisplayWidth(cells[column] ?? ""))));
  const format = (cells: readonly string[]) => cells.map((cell, column) => padDisplay(cell, widths[column] ?? 0, column >= 2)).join("  ");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  rows.forEach((row, index) => {
    console.log(format(body[index] ?? []));
    if (row.note) console.log(`    ${row.note}`);
  });
  console.log(`\n* below the ${TARGET} target`);
}

function formatCell(value: Cell): string {
  if (value === null) return "– ";
  return `${value.toFixed(3)}${value < TARGET ? "*" : " "}`;
}

/** Han characters take two columns on a terminal. */
function measureDisplayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u1100-\uffff]/u.test(char) && char !== "–" ? 2 : 1), 0);
}

function padDisplay(text: string, width: number, right: boolean): string {
  const padding = " ".repeat(Math.max(0, width - measureDisplayWidth(text)));
  return right ? padding + text : text + padding;
}

main();

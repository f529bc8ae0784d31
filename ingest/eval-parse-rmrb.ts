import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Author, Credit } from "@/lib/article/types";
import { parseRmrbArticle } from "./parsers/rmrb-article";

/**
 * Byline evaluation of the rmrb parser against hand-labelled files
 * (test/fixtures/rmrb-bylines.json): precision and recall of (name, role)
 * author pairs over the labelled sample, and the same for credits.
 *
 *   npx tsx ingest/eval-parse-rmrb.ts [--verbose]
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_FIXTURE = path.resolve(HERE, "../test/fixtures/rmrb-bylines.json");
export const DEFAULT_CORPUS = path.resolve(HERE, "../../shared/data/rmrb");

export type LabelledFile = { path: string; authors: Author[]; credits: Credit[] };
export type BylineFixture = {
  description: string;
  policy: string[];
  /** Every 40th file: the sample labelled first and used while the parser was written. */
  files: LabelledFile[];
  heldOutDescription?: string;
  /** A disjoint sample labelled after the parser's rules were fixed. */
  heldOutFiles?: LabelledFile[];
};

export type Score = { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; f1: number };

export type FileMismatch = { path: string; missing: string[]; unexpected: string[] };

export type SplitReport = {
  files: number;
  filesWithLabelledAuthors: number;
  authors: Score;
  credits: Score;
  /** Files whose author pairs differ from the labels. */
  mismatches: FileMismatch[];
};

export type EvalReport = { sample: SplitReport; heldOut: SplitReport | null };

export function loadBylineFixture(fixturePath = DEFAULT_FIXTURE): BylineFixture {
  return JSON.parse(fs.readFileSync(fixturePath, "utf8")) as BylineFixture;
}

/** Runs the parser on every labelled file under `corpusRoot` and scores its bylines, per sample. */
export function evaluateRmrbBylines(corpusRoot = DEFAULT_CORPUS, fixturePath = DEFAULT_FIXTURE): EvalReport {
  const fixture = loadBylineFixture(fixturePath);
  const heldOut = fixture.heldOutFiles;
  return { sample: scoreFiles(fixture.files, corpusRoot), heldOut: heldOut?.length ? scoreFiles(heldOut, corpusRoot) : null };
}

function scoreFiles(files: readonly LabelledFile[], corpusRoot: string): SplitReport {
  const authorCounts = emptyCounts();
  const creditCounts = emptyCounts();
  const mismatches: FileMismatch[] = [];
  for (const labelled of files) {
    const text = fs.readFileSync(path.join(corpusRoot, labelled.path), "utf8");
    const article = parseRmrbArticle(text, { sourceFile: labelled.path, source: "人民日报", date: null, dateSource: null, page: null, position: null });
    const authorDiff = compare(labelled.authors.map(authorKey), article.authors.map(authorKey), authorCounts);
    compare(labelled.credits.map(creditKey), article.credits.map(creditKey), creditCounts);
    if (authorDiff.missing.length + authorDiff.unexpected.length > 0) mismatches.push({ path: labelled.path, ...authorDiff });
  }
  return {
    files: files.length,
    filesWithLabelledAuthors: files.filter((file) => file.authors.length > 0).length,
    authors: toScore(authorCounts),
    credits: toScore(creditCounts),
    mismatches,
  };
}

type Counts = { truePositives: number; falsePositives: number; falseNegatives: number };

function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

/** Adds one file's comparison to `counts` (as sets: a repeated pair counts once) and returns the differences. */
function compare(expected: readonly string[], actual: readonly string[], counts: Counts): { missing: string[]; unexpected: string[] } {
  const want = new Set(expected);
  const got = new Set(actual);
  const missing = [...want].filter((key) => !got.has(key));
  const unexpected = [...got].filter((key) => !want.has(key));
  counts.truePositives += want.size - missing.length;
  counts.falseNegatives += missing.length;
  counts.falsePositives += unexpected.length;
  return { missing, unexpected };
}

function toScore({ truePositives, falsePositives, falseNegatives }: Counts): Score {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

function authorKey(author: Author): string {
  return `${author.name}/${author.role ?? "-"}`;
}

function creditKey(credit: Credit): string {
  return `${credit.role}:${credit.name}`;
}

function formatScore(label: string, score: Score): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return `${label}: precision ${percent(score.precision)}, recall ${percent(score.recall)}, F1 ${percent(score.f1)} (TP ${score.truePositives}, FP ${score.falsePositives}, FN ${score.falseNegatives})`;
}

function runFromCommandLine(): void {
  const corpus = process.env.RMRB_CORPUS ?? DEFAULT_CORPUS;
  if (!fs.existsSync(corpus)) {
    console.error(`eval-parse-rmrb: corpus not found at ${corpus} (set RMRB_CORPUS or provide ../shared/data/rmrb)`);
    process.exitCode = 2;
    return;
  }
  const report = evaluateRmrbBylines(corpus);
  const verbose = process.argv.includes("--verbose");
  printSplit("labelled sample (every 40th file)", report.sample, verbose);
  if (report.heldOut) printSplit("held-out sample (labelled after the rules were fixed)", report.heldOut, verbose);
}

function printSplit(title: string, split: SplitReport, verbose: boolean): void {
  console.log(`${title}: ${split.files} files, ${split.filesWithLabelledAuthors} with authors`);
  console.log(`  ${formatScore("authors (name+role)", split.authors)}`);
  console.log(`  ${formatScore("credits (role+name)", split.credits)}`);
  for (const mismatch of verbose ? split.mismatches : split.mismatches.slice(0, 20)) {
    console.log(`    ${mismatch.path}: missing [${mismatch.missing.join(", ")}] unexpected [${mismatch.unexpected.join(", ")}]`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) runFromCommandLine();

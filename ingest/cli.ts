import { parseArgs } from "node:util";
import { ConfigError, readEnv, resolveDataDir } from "@/lib/config/env";
import { getEngineClient, getShards } from "@/lib/search/connection";
import { EngineError } from "@/lib/search/engine/errors";
import { checkOutPath } from "./out-path";
import { runIngest, type IngestSummary } from "./pipeline";
import type { IngestIssue } from "./read-source";
import { createProgressReporter } from "./progress";
import { REVIEW_THRESHOLD } from "./review-list";
import { withManagedEngine } from "@/lib/search/engine/managed";
import { getDatabase } from "@/lib/corrections/database";

const USAGE = `用法 / usage: npm run ingest -- [options] <files or folders…>
  --dry-run          parse only: print JSON Lines (or write --out) and a summary; index nothing
  --out FILE         also write every article as JSON Lines to FILE (not an input, nor inside an input
                     folder or the data folder; a ".." may not lead outside the working folder)
  --manifest FILE    JSON or CSV mapping files/folders to paper, date and page
  --prune            remove articles whose source files no longer exist, looking only inside the
                     files and folders given (an input that is missing is not pruned)
  --rebuild          build a fresh index and swap it in atomically (searches never see a half-built index)
  --batch-size N     documents per upsert (default 1000)
  --review-list FILE write the OCR-page articles the segmenter was least sure of (boundaries or byline)
                     to FILE, least sure first: confidence, file, article, title, why`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        out: { type: "string" },
        manifest: { type: "string" },
        prune: { type: "boolean", default: false },
        rebuild: { type: "boolean", default: false },
        "batch-size": { type: "string" },
        "review-list": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stderr.write(USAGE + "\n");
    return values.help ? 0 : 2;
  }
  const batchSize = values["batch-size"] ? Number(values["batch-size"]) : 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(`--batch-size must be a positive whole number, got "${values["batch-size"]}"\n`);
    return 2;
  }
  const env = readEnv();
  const outContext = { cwd: process.cwd(), inputs: positionals, manifestPath: values.manifest ?? null, dataDir: resolveDataDir(env) };
  const out = values.out === undefined ? null : checkOutPath(values.out, outContext);
  const review = values["review-list"] === undefined ? null : checkOutPath(values["review-list"], outContext, "--review-list");
  for (const checked of [out, review]) {
    if (checked && !checked.ok) {
      process.stderr.write(`${checked.message}\n`);
      return 2;
    }
  }
  const outFile = out?.ok ? out.path : null;
  const reviewList = review?.ok ? review.path : null;
  const common = {
    inputs: positionals,
    indexUid: env.BAOKU_INDEX,
    outFile,
    manifestPath: values.manifest ?? null,
    prune: values.prune,
    rebuild: values.rebuild,
    batchSize,
    reviewList,
    onProgress: createProgressReporter(process.stderr),
  };
  const summary = values["dry-run"]
    ? await runIngest({ ...common, client: null, jsonlStream: values.out ? null : process.stdout })
    : await withManagedEngine(() => runIngest({ ...common, client: getEngineClient(), shards: getShards(), corrections: getDatabase(resolveDataDir(env)) }));
  printSummary(summary, values["dry-run"]);
  return summary.issues.some((issue) => issue.severity !== "notice") ? 1 : 0;
}

function printSummary(summary: IngestSummary, dryRun: boolean): void {
  const lines = [
    `${dryRun ? "试运行（未写入索引）" : "导入完成"}: ${summary.filesOk}/${summary.filesTotal} files, ${summary.articles} articles in ${(summary.elapsedMs / 1000).toFixed(1)} s` +
      (summary.indexUid ? ` → index "${summary.indexUid}"` : ""),
  ];
  if (summary.duplicates > 0) lines.push(`  ${summary.duplicates} articles repeated identical content from another file (kept once)`);
  if (summary.pruned) lines.push(`  ${describePrune(summary.pruned)}`);
  if (summary.corrections.applied > 0) lines.push(`  librarians' corrections re-applied: ${summary.corrections.applied}`);
  if (summary.corrections.unfit > 0) {
    lines.push(`  ${summary.corrections.unfit} corrections no longer fit their changed source text: kept, not applied (npm run corrections -- list --stale)`);
  }
  if (summary.reviewed) {
    lines.push(`  review list: ${summary.reviewed.written} of ${summary.reviewed.rated} segmented articles below ${REVIEW_THRESHOLD} confidence → ${summary.reviewed.file}`);
  }
  if (summary.ignored.length > 0) {
    lines.push(`  ignored ${summary.ignored.length} files of unsupported types: ${summary.ignored.slice(0, 5).join(", ")}${summary.ignored.length > 5 ? ", …" : ""}`);
  }
  const problems = summary.issues.filter((issue) => issue.severity !== "notice");
  if (problems.length > 0) {
    lines.push(`  ${problems.length} problems (skipped, the rest was imported):`);
    for (const issue of problems.slice(0, 50)) lines.push(`  - ${describeIssue(issue)}`);
    if (problems.length > 50) lines.push(`  … and ${problems.length - 50} more`);
  }
  process.stderr.write(lines.join("\n") + "\n");
}

/** Says where --prune looked, so a user sees that other folders were not touched. */
function describePrune(pruned: NonNullable<IngestSummary["pruned"]>): string {
  if (pruned.inputs.length === 0) return "pruned nothing: none of the inputs exists";
  return `pruned ${pruned.articles} articles whose files are gone (within ${pruned.inputs.join(", ")})`;
}

/** Messages name their file (and line) themselves; one that does not gets them in front. */
function describeIssue(issue: IngestIssue): string {
  if (issue.message.includes(issue.file)) return issue.message;
  return `${issue.file}${issue.line ? `:${issue.line}` : ""}: ${issue.message}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof EngineError || error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`导入失败 / ingest failed: ${message}\n`);
    process.exit(1);
  },
);

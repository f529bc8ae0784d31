import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inject } from "vitest";
import { connectTestEngine } from "./helpers";
import type { IndexDocument } from "@/lib/search/documents";
import { readDocuments } from "@/lib/search/read-documents";

/**
 * `npm run ingest` as a user runs it: the real CLI in a child process against the suite's
 * Meilisearch (MEILI_URL, MEILI_MASTER_KEY), one fresh index per case (BAOKU_INDEX).
 */

export const REPO = process.cwd();
const CLI = path.join(REPO, "ingest", "cli.ts");
/** tsx by absolute URL and the repository's tsconfig, so the CLI also runs from a folder outside the repository. */
const TSX_LOADER = pathToFileURL(createRequire(path.join(REPO, "package.json")).resolve("tsx")).href;
const TSCONFIG = path.join(REPO, "tsconfig.json");
const client = connectTestEngine();
const tempDirs: string[] = [];

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
export type RunningCli = { child: ChildProcess; done: Promise<CliRun> };
/** `cwd` defaults to the repository root, where users usually run the command. */
export type CliOptions = { env?: Record<string, string>; cwd?: string };

export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baoku-cli-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** For each test file's afterAll. */
export function removeTempDirs(): void {
  tempDirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
}

/** Node itself runs the CLI (no npm or tsx wrapper), so a signal reaches the ingest process. */
export function startCli(args: readonly string[], indexUid: string, options: CliOptions = {}): RunningCli {
  const env = {
    ...process.env,
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    BAOKU_INDEX: indexUid,
    TSX_TSCONFIG_PATH: TSCONFIG,
    ...options.env,
  };
  const child = spawn(process.execPath, ["--import", TSX_LOADER, CLI, ...args], { cwd: options.cwd ?? REPO, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], indexUid: string, options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, indexUid, options).done;
}

/** The "  - …" lines of the summary: one per problem. */
export function listProblemLines(run: CliRun): string[] {
  return run.stderr.split("\n").filter((line) => line.startsWith("  - "));
}

const STORED_FIELDS = ["id", "sourceFile", "sourcePath", "fileKey", "title", "body"] as const;
export type StoredDocument = Pick<IndexDocument, (typeof STORED_FIELDS)[number]>;

export async function fetchDocuments(indexUid: string): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = [];
  // Every document has these fields; the reader's type leaves room for documents of older versions.
  for await (const page of readDocuments({ client, indexUid }, { fields: STORED_FIELDS, pageSize: 1000 })) documents.push(...(page as StoredDocument[]));
  return documents;
}

export async function countIndexed(indexUid: string): Promise<number> {
  try {
    return (await client.call((meili) => meili.index(indexUid).getStats())).numberOfDocuments;
  } catch {
    return 0; // the index does not exist yet
  }
}

export function sortValues(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** An OCR page in the layout of the real ones: headline, dateline paragraph, byline. */
export function makePage(place: string, building: string, reporter: string): string {
  return `${place}新建${building}\n\n本报讯 ${place}新建${building}今日开放，市民可免费入内参观。\n\n（${reporter}）\n`;
}

export function readJsonlIds(file: string): string[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

import fs from "node:fs";
import path from "node:path";

/** Input files found under the paths given on the command line, in a stable order. */

export type InputFormat = "text" | "feed";
export type DiscoveredFile = { absPath: string; relPath: string; format: InputFormat; size: number };
export type DiscoveryResult = {
  files: DiscoveredFile[];
  /** Files of types we do not read (listed in the summary, not failures). */
  ignored: string[];
  /** Paths that do not exist or cannot be read. */
  missing: Array<{ path: string; message: string }>;
};

const FEED = /\.(jsonl|ndjson)(\.gz)?$/i;
const TEXT = /\.txt$/i;

export function classifyFile(fileName: string): InputFormat | null {
  if (FEED.test(fileName)) return "feed";
  if (TEXT.test(fileName)) return "text";
  return null;
}

/** Paths are stored relative to the working directory with `/`, so reruns from the repo root match. */
export function toRelPath(absPath: string): string {
  return path.relative(process.cwd(), absPath).split(path.sep).join("/");
}

export function discoverFiles(inputs: readonly string[]): DiscoveryResult {
  const result: DiscoveryResult = { files: [], ignored: [], missing: [] };
  const seen = new Set<string>();
  for (const input of inputs) {
    const absPath = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absPath);
    } catch (error) {
      result.missing.push({ path: input, message: `${input}: no such file or folder (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    if (stat.isDirectory()) walk(absPath, result, seen);
    else addFile(absPath, stat, result, seen);
  }
  return result;
}

function walk(dir: string, result: DiscoveryResult, seen: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    result.missing.push({ path: toRelPath(dir), message: `${toRelPath(dir)}: cannot read folder (${(error as Error).message})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const absPath = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(absPath, result, seen);
    else if (entry.isFile()) addFile(absPath, fs.statSync(absPath), result, seen);
  }
}

function addFile(absPath: string, stat: fs.Stats, result: DiscoveryResult, seen: Set<string>): void {
  if (seen.has(absPath)) return;
  seen.add(absPath);
  const format = classifyFile(absPath);
  if (!format) {
    result.ignored.push(toRelPath(absPath));
    return;
  }
  result.files.push({ absPath, relPath: toRelPath(absPath), format, size: stat.size });
}

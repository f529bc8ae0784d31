import fs from "node:fs";
import path from "node:path";

/**
 * Input files found under the paths given on the command line, in a stable order.
 *
 * Nothing here depends on the working folder: a file is named by where it lies inside its
 * input, and known by its canonical path, so running the same import from elsewhere, or
 * after the archive moved, names the same files the same way.
 */

export type InputFormat = "text" | "feed";
export type DiscoveredFile = {
  /** The path as given, made absolute: what is read. */
  absPath: string;
  /** Canonical absolute path (symlinks resolved): what re-imports and --prune match files by. */
  sourcePath: string;
  /**
   * What readers and messages see, with `/`: the path inside the input folder, led by that
   * folder's own name (pages/001.txt; a file given alone is named inside the folder holding
   * it). Dates are read from its segments.
   */
  relPath: string;
  format: InputFormat;
  size: number;
};
/** An input that exists, as given on the command line and canonically: --prune looks inside these only. */
export type InputRoot = { input: string; canonicalPath: string };
export type DiscoveryResult = {
  files: DiscoveredFile[];
  roots: InputRoot[];
  /** Files of types we do not read (listed in the summary, not failures). */
  ignored: string[];
  /** Paths that do not exist or cannot be read. */
  missing: Array<{ path: string; message: string }>;
};

/** Where a walk started: relPath = label + the path below `absDir`. */
type WalkBase = { absDir: string; label: string };

const FEED = /\.(jsonl|ndjson)(\.gz)?$/i;
const TEXT = /\.txt$/i;

export function classifyFile(fileName: string): InputFormat | null {
  if (FEED.test(fileName)) return "feed";
  if (TEXT.test(fileName)) return "text";
  return null;
}

export function discoverFiles(inputs: readonly string[]): DiscoveryResult {
  const result: DiscoveryResult = { files: [], roots: [], ignored: [], missing: [] };
  const seen = new Set<string>();
  for (const input of inputs) {
    const absPath = path.resolve(input);
    let stat: fs.Stats;
    let canonicalPath: string;
    try {
      stat = fs.statSync(absPath);
      canonicalPath = fs.realpathSync.native(absPath);
    } catch (error) {
      result.missing.push({ path: input, message: `${input}: no such file or folder (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    result.roots.push({ input, canonicalPath });
    if (stat.isDirectory()) walk(absPath, { absDir: absPath, label: path.basename(absPath) }, result, seen);
    else addFile(absPath, stat, { absDir: path.dirname(absPath), label: path.basename(path.dirname(absPath)) }, result, seen);
  }
  return result;
}

/** `label/…` with `/` whatever the platform. */
function toRelPath(absPath: string, base: WalkBase): string {
  return path.join(base.label, path.relative(base.absDir, absPath)).split(path.sep).join("/");
}

function walk(dir: string, base: WalkBase, result: DiscoveryResult, seen: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const name = toRelPath(dir, base);
    result.missing.push({ path: name, message: `${name}: cannot read folder (${(error as Error).message})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const absPath = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(absPath, base, result, seen);
    else if (entry.isFile()) addFile(absPath, fs.statSync(absPath), base, result, seen);
  }
}

function addFile(absPath: string, stat: fs.Stats, base: WalkBase, result: DiscoveryResult, seen: Set<string>): void {
  // The same file through two inputs, or through a symlink, counts once.
  const sourcePath = fs.realpathSync.native(absPath);
  if (seen.has(sourcePath)) return;
  seen.add(sourcePath);
  const relPath = toRelPath(absPath, base);
  const format = classifyFile(absPath);
  if (!format) {
    result.ignored.push(relPath);
    return;
  }
  result.files.push({ absPath, sourcePath, relPath, format, size: stat.size });
}

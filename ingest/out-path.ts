import fs from "node:fs";
import path from "node:path";
import { splitPathSegments } from "./manifest";

/**
 * Where `--out` may write. The file is created or truncated, so a mistyped or
 * smuggled path must not reach anything that matters. Refused, before
 * anything is read or written:
 * - a `..` that leads outside the working folder (absolute paths are an
 *   explicit choice and allowed; manifests refuse `..` the same way);
 * - a place inside the data folder (the search index lives there);
 * - one of the inputs or the manifest (it would be overwritten), or a place
 *   inside an input folder (the next import would read the output back);
 * - an existing folder, a folder that does not exist, a dangling link.
 * Links are followed, so a link cannot smuggle the file into those places.
 */

export type OutPathContext = {
  /** Folder relative paths are read against (the CLI's working folder). */
  cwd: string;
  inputs: readonly string[];
  manifestPath: string | null;
  /** The data folder (BAOKU_DATA_DIR, resolved). */
  dataDir: string;
};

export type OutPathCheck = { ok: true; path: string } | { ok: false; message: string };

/** `option` names the flag in the message (--out, --review-list). */
export function checkOutPath(raw: string, context: OutPathContext, option = "--out"): OutPathCheck {
  const refuse = (reason: string): OutPathCheck => ({ ok: false, message: `${option} "${raw}" refused / 拒绝写入: ${reason}; nothing was written` });
  if (raw.trim() === "") return refuse("the path is empty");
  const resolved = path.resolve(context.cwd, raw);
  if (splitPathSegments(raw).includes("..") && !isInside(context.cwd, resolved)) {
    return refuse(`it contains "..", which would leave the working folder ${context.cwd}`);
  }
  const stat = statOrNull(resolved);
  if (stat?.isDirectory()) return refuse(`${resolved} is an existing folder; give a file name`);
  if (!stat && lstatOrNull(resolved)?.isSymbolicLink()) return refuse(`${resolved} is a link to nothing`);
  const parent = path.dirname(resolved);
  if (!statOrNull(parent)?.isDirectory()) return refuse(`the folder ${parent} does not exist`);
  const target = stat ? fs.realpathSync(resolved) : path.join(fs.realpathSync(parent), path.basename(resolved));

  const dataDir = realPathOrSame(path.resolve(context.cwd, context.dataDir));
  if (isInside(dataDir, target)) return refuse(`${target} is inside the data folder ${dataDir} (BAOKU_DATA_DIR), which holds the search index`);
  const inputs = context.manifestPath ? [...context.inputs, context.manifestPath] : context.inputs;
  for (const input of inputs) {
    const inputPath = realPathOrSame(path.resolve(context.cwd, input));
    if (target === inputPath) return refuse(`it is the input ${input}, which would be overwritten`);
    if (statOrNull(inputPath)?.isDirectory() && isInside(inputPath, target)) {
      return refuse(`it is inside the input folder ${input}, so the next import would read it back`);
    }
  }
  return { ok: true, path: resolved };
}

/** True when `child` is `folder` itself or below it (both absolute). */
export function isInside(folder: string, child: string): boolean {
  const relative = path.relative(folder, child);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

function realPathOrSame(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

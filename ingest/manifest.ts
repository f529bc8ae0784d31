import fs from "node:fs";
import path from "node:path";
import { decodeText } from "./decode";
import { normalizeDateString } from "./path-date";

/**
 * Optional manifest: paper, date and page for files or whole folders, for
 * archives whose paths do not say them. JSON (an array of entries, an
 * {entries: [...]} object, or an object keyed by path) or CSV with a header
 * row. Paths are relative to the ingest root; a folder entry covers
 * everything below it and the most specific entry wins.
 */

export type ManifestEntry = {
  /** Relative path with `/` separators and no trailing slash; "" stands for the whole ingest root. */
  path: string;
  paper: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  page: number | null;
  /** Line of the manifest the entry starts on (1-based), for messages. */
  line: number;
};

export type ManifestResult = { ok: true; entries: ManifestEntry[] } | { ok: false; error: string };

type RawEntry = { line: number; fields: Record<string, unknown> };

const FIELD_ALIASES: Readonly<Record<string, keyof Omit<ManifestEntry, "line">>> = {
  path: "path", file: "path", folder: "path", dir: "path", directory: "path", 路径: "path", 文件: "path", 文件夹: "path",
  paper: "paper", source: "paper", newspaper: "paper", 报纸: "paper", 报名: "paper", 来源: "paper",
  date: "date", 日期: "date",
  page: "page", 版次: "page", 版面: "page", 版: "page",
};
/** Errors listed in one message before the rest are summarised: enough to fix a batch, short enough to read. */
const MAX_REPORTED_ERRORS = 5;

export function loadManifest(manifestPath: string): ManifestResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(manifestPath);
  } catch (error) {
    return { ok: false, error: `manifest ${manifestPath}: cannot read (${(error as Error).message})` };
  }
  const decoded = decodeText(bytes, `manifest ${manifestPath}`);
  if (!decoded.ok) return decoded;
  return parseManifest(decoded.text, manifestPath);
}

/** Parses manifest text; `label` (usually the file path) names the manifest in every message. */
export function parseManifest(text: string, label: string): ManifestResult {
  const content = text.replace(/^\uFEFF/, "");
  const raw = isJsonManifest(content, label) ? readJsonEntries(content, label) : readCsvEntries(content, label);
  if (!raw.ok) return raw;
  return validateEntries(raw.entries, label);
}

/** The entry for `relPath`: an exact file entry, else the deepest folder containing it; null when none applies. */
export function lookupManifest(entries: readonly ManifestEntry[], relPath: string): ManifestEntry | null {
  const target = relPath.replace(/\\/g, "/").replace(/^\.\//, "");
  let best: ManifestEntry | null = null;
  for (const entry of entries) {
    const covers = entry.path === "" || target === entry.path || target.startsWith(`${entry.path}/`);
    if (covers && (best === null || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}

function isJsonManifest(content: string, label: string): boolean {
  const extension = path.extname(label).toLowerCase();
  if (extension === ".json") return true;
  if (extension === ".csv" || extension === ".tsv") return false;
  return /^\s*[[{]/.test(content);
}

type RawResult = { ok: true; entries: RawEntry[] } | { ok: false; error: string };

function readJsonEntries(content: string, label: string): RawResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { ok: false, error: `manifest ${label}: invalid JSON${describeJsonErrorLine(content, error as Error)}: ${(error as Error).message}` };
  }
  const lines = findTopLevelElementLines(content);
  if (Array.isArray(data)) return readJsonArray(data, lines, label);
  if (isPlainObject(data) && Array.isArray(data.entries)) {
    return readJsonArray(data.entries, findTopLevelElementLines(content, "entries"), label);
  }
  if (isPlainObject(data)) {
    const entries: RawEntry[] = [];
    Object.entries(data).forEach(([key, value], index) => {
      const fields = isPlainObject(value) ? { ...value, path: key } : { path: key, __notObject: value };
      entries.push({ line: lines[index] ?? 1, fields });
    });
    return { ok: true, entries };
  }
  return { ok: false, error: `manifest ${label}: expected a JSON array of entries or an object keyed by path` };
}

function readJsonArray(items: unknown[], lines: readonly number[], label: string): RawResult {
  const entries: RawEntry[] = [];
  for (const [index, item] of items.entries()) {
    const line = lines[index] ?? 1;
    if (!isPlainObject(item)) return { ok: false, error: `manifest ${label} line ${line}: entry ${index + 1} is not an object` };
    entries.push({ line, fields: item });
  }
  return { ok: true, entries };
}

/**
 * Line numbers of the elements of the top-level array (or of the top-level object's
 * members, or of the array under `key`). JSON.parse gives no positions, so a small
 * scanner that tracks strings and nesting recovers them.
 */
function findTopLevelElementLines(content: string, key?: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectingElement = false;
  let targetDepth = key ? -1 : 1;
  let lastString = "";
  let stringStart = 0;
  for (let i = 0; i < content.length; i++) {
    const char = content[i];
    if (char === "\n") line++;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') {
        inString = false;
        lastString = content.slice(stringStart, i);
      }
      continue;
    }
    if (char === '"') {
      if (expectingElement && depth === targetDepth) {
        lines.push(line);
        expectingElement = false;
      }
      inString = true;
      stringStart = i + 1;
      continue;
    }
    if (char === "[" || char === "{") {
      if (expectingElement && depth === targetDepth) {
        lines.push(line);
        expectingElement = false;
      }
      depth++;
      if (key && targetDepth === -1 && char === "[" && depth === 2 && lastString === key) targetDepth = 2;
      if (depth === targetDepth) expectingElement = true;
      continue;
    }
    if (char === "]" || char === "}") {
      if (depth === targetDepth && key) targetDepth = -2;
      depth--;
      continue;
    }
    if (char === "," && depth === targetDepth) expectingElement = true;
    else if (expectingElement && depth === targetDepth && /\S/.test(char ?? "") && char !== ":") {
      lines.push(line);
      expectingElement = false;
    }
  }
  return lines;
}

function describeJsonErrorLine(content: string, error: Error): string {
  const lineColumn = /line (\d+)/.exec(error.message);
  if (lineColumn) return ` at line ${lineColumn[1]}`;
  const position = /position (\d+)/.exec(error.message);
  if (!position) return "";
  const offset = Number(position[1]);
  return ` at line ${content.slice(0, offset).split("\n").length}`;
}

function readCsvEntries(content: string, label: string): RawResult {
  const rows = parseCsvRows(content);
  if (!rows.ok) return { ok: false, error: `manifest ${label} line ${rows.line}: ${rows.error}` };
  const [header, ...body] = rows.rows;
  if (!header) return { ok: false, error: `manifest ${label}: empty CSV (a header row with path,paper,date,page is required)` };
  const columns = header.cells.map((cell) => FIELD_ALIASES[cell.trim().toLowerCase()] ?? null);
  if (!columns.includes("path")) {
    return { ok: false, error: `manifest ${label} line ${header.line}: the header needs a path (or file/folder) column; found ${header.cells.join(", ")}` };
  }
  const entries: RawEntry[] = [];
  for (const row of body) {
    if (row.cells.every((cell) => cell.trim() === "")) continue;
    if (row.cells.length > columns.length) {
      return { ok: false, error: `manifest ${label} line ${row.line}: ${row.cells.length} fields but the header has ${columns.length}` };
    }
    const fields: Record<string, unknown> = {};
    row.cells.forEach((cell, index) => {
      const column = columns[index];
      if (column) fields[column] = cell;
    });
    entries.push({ line: row.line, fields });
  }
  return { ok: true, entries };
}

type CsvRow = { line: number; cells: string[] };
type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; line: number; error: string };

/** RFC 4180 with a comma or, for tab-separated files, a tab; quoted fields may hold separators, quotes and newlines. */
function parseCsvRows(content: string): CsvResult {
  const firstLine = content.split("\n", 1)[0] ?? "";
  const separator = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < content.length; i++) {
    const char = content[i] ?? "";
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === "") {
      quoted = true;
      quoteLine = line;
      cell = "";
    } else if (char === separator) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && content[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (quoted) return { ok: false, line: quoteLine, error: "unterminated quoted field" };
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { ok: true, rows };
}

function validateEntries(raw: readonly RawEntry[], label: string): ManifestResult {
  const errors: string[] = [];
  const entries: ManifestEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of raw) {
    const result = validateEntry(item);
    if (typeof result === "string") {
      errors.push(`manifest ${label} line ${item.line}: ${result}`);
      continue;
    }
    const earlier = seen.get(result.path);
    if (earlier !== undefined) {
      errors.push(`manifest ${label} line ${item.line}: duplicate entry for "${result.path || "."}" (first given on line ${earlier})`);
      continue;
    }
    seen.set(result.path, item.line);
    entries.push(result);
  }
  if (errors.length === 0) return { ok: true, entries };
  const shown = errors.slice(0, MAX_REPORTED_ERRORS).join("; ");
  const more = errors.length > MAX_REPORTED_ERRORS ? `; and ${errors.length - MAX_REPORTED_ERRORS} more error(s)` : "";
  return { ok: false, error: shown + more };
}

/** A checked entry, or the reason it is refused. */
function validateEntry({ line, fields }: RawEntry): ManifestEntry | string {
  if ("__notObject" in fields) return `the value for "${String(fields.path)}" must be an object with paper, date and/or page`;
  const canonical = canonicalizeFields(fields);
  if (typeof canonical === "string") return canonical;
  const relPath = normalizeManifestPath(canonical.path);
  if (typeof relPath !== "string") return relPath.error;
  const paper = readOptionalText(canonical.paper, "paper");
  const date = readOptionalDate(canonical.date);
  const page = readOptionalPage(canonical.page);
  for (const value of [paper, date, page]) if (isProblem(value)) return value.error;
  return { path: relPath, paper: paper as string | null, date: date as string | null, page: page as number | null, line };
}

type Problem = { error: string };
function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "error" in value;
}

function canonicalizeFields(fields: Record<string, unknown>): Record<string, unknown> | string {
  const canonical: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const name = FIELD_ALIASES[key.trim().toLowerCase()];
    if (!name) continue;
    if (name in canonical && canonical[name] !== value) return `both "${key}" and another ${name} field are given`;
    canonical[name] = value;
  }
  return canonical;
}

/** Normalised relative path, or why it is refused: absolute paths and `..` would reach outside the ingest root. */
export function normalizeManifestPath(value: unknown): string | Problem {
  if (typeof value !== "string" || value.trim() === "") return { error: "missing path" };
  const raw = value.trim();
  const slashed = raw.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[a-zA-Z]:/.test(slashed) || slashed.startsWith("~")) {
    return { error: `path "${raw}" is absolute; manifest paths must be relative to the ingest root` };
  }
  const segments = splitPathSegments(slashed);
  if (segments.includes("..")) return { error: `path "${raw}" contains "..", which would leave the ingest root` };
  return segments.join("/");
}

/** A path's segments, `/` or `\` separated, without empty and `.` ones; `..` is kept for the caller to refuse. */
export function splitPathSegments(raw: string): string[] {
  return raw.replace(/\\/g, "/").split("/").filter((segment) => segment !== "" && segment !== ".");
}

function readOptionalText(value: unknown, field: string): string | null | Problem {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return { error: `${field} must be text, got ${JSON.stringify(value)}` };
  return value.trim() === "" ? null : value.trim();
}

function readOptionalDate(value: unknown): string | null | Problem {
  const text = readOptionalText(typeof value === "number" ? String(value) : value, "date");
  if (text === null || isProblem(text)) return text;
  return normalizeDateString(text) ?? { error: `date "${text}" is not a real calendar date (expected YYYY-MM-DD)` };
}

function readOptionalPage(value: unknown): number | null | Problem {
  if (value === undefined || value === null || value === "") return null;
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : null;
  if (text === "") return null;
  if (text === null || !/^\d{1,4}$/.test(text) || Number(text) < 1) {
    return { error: `page ${JSON.stringify(value)} is not a positive whole number` };
  }
  return Number(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

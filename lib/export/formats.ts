import { formatAuthorsWithRoles, type ExportRow } from "./export-row";

/**
 * Export formats. Each has a header (written once), a row encoder and a
 * footer, so an export can stream row by row without holding the result set.
 */
export const EXPORT_FORMATS = ["csv", "jsonl", "ris", "bibtex"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportEncoder = {
  contentType: string;
  extension: string;
  header: string;
  encodeRow: (row: ExportRow) => string;
};

const CSV_COLUMNS = ["id", "date", "paper", "page", "column", "title", "subtitle", "authors", "permalink"] as const;

/** RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function escapeCsvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function encodeCsvRow(row: ExportRow): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    ...row,
    authors: formatAuthorsWithRoles(row.authors),
  };
  return CSV_COLUMNS.map((column) => escapeCsvCell(values[column])).join(",") + "\r\n";
}

function encodeRisRow(row: ExportRow): string {
  const lines = [["TY", "NEWS"], ["ID", row.id], ["TI", row.title]];
  if (row.subtitle) lines.push(["T3", row.subtitle]);
  for (const author of row.authors) lines.push(["AU", author.name]);
  lines.push(["T2", row.paper]);
  if (row.date) lines.push(["DA", row.date.replace(/-/g, "/")], ["PY", row.date.slice(0, 4)]);
  if (row.page !== null) lines.push(["SP", String(row.page)]);
  if (row.column) lines.push(["SE", row.column]);
  lines.push(["UR", row.permalink], ["ER", ""]);
  return lines.map(([tag, value]) => `${tag}  - ${(value ?? "").replace(/[\r\n]+/g, " ")}`.trimEnd()).join("\r\n") + "\r\n\r\n";
}

/** Braces balanced and TeX specials escaped, so a title cannot break the entry. */
export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}]/g, (char) => (char === "\\" ? "\\textbackslash{}" : `\\${char}`)).replace(/([#$%&_^~])/g, "\\$1").replace(/[\r\n]+/g, " ");
}

function encodeBibtexRow(row: ExportRow): string {
  const fields: Array<[string, string]> = [
    ["author", row.authors.map((author) => `{${escapeBibtex(author.name)}}`).join(" and ")],
    ["title", `{${escapeBibtex(row.title)}}`],
    ["journal", escapeBibtex(row.paper)],
    ["date", row.date ?? ""],
    ["pages", row.page !== null ? String(row.page) : ""],
    ["url", row.permalink],
  ];
  const body = fields.filter(([, value]) => value !== "").map(([name, value]) => `  ${name} = {${value}}`);
  return `@article{${row.id.replace(/[^A-Za-z0-9_-]/g, "_")},\n${body.join(",\n")}\n}\n\n`;
}

export const ENCODERS: Record<ExportFormat, ExportEncoder> = {
  // The byte order mark makes spreadsheet programs read the file as UTF-8 and show Chinese.
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv", header: "\uFEFF" + CSV_COLUMNS.join(",") + "\r\n", encodeRow: encodeCsvRow },
  jsonl: { contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl", header: "", encodeRow: (row) => JSON.stringify(row) + "\n" },
  ris: { contentType: "application/x-research-info-systems; charset=utf-8", extension: "ris", header: "", encodeRow: encodeRisRow },
  bibtex: { contentType: "application/x-bibtex; charset=utf-8", extension: "bib", header: "", encodeRow: encodeBibtexRow },
};

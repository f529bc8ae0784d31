import { describe, expect, it } from "vitest";
import type { ExportRow } from "./export-row";
import { ENCODERS, escapeBibtex, escapeCsvCell } from "./formats";

const row: ExportRow = {
  id: "rmrb-20190221-04-01",
  date: "2019-02-21",
  paper: "人民日报",
  page: 4,
  column: "环球走笔",
  title: "他说：“好，就这么办”, 然后走了",
  subtitle: null,
  authors: [{ name: "王昊男", role: "记者" }, { name: "严贵旺", role: "摄影" }],
  permalink: "http://localhost:3000/articles/rmrb-20190221-04-01",
};

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cell = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") { row.push(cell); cell = ""; }
    else if (char === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += char;
  }
  return rows;
}

describe("CSV export", () => {
  it("starts with a UTF-8 byte order mark and a header", () => {
    expect(ENCODERS.csv.header.startsWith("\uFEFFid,date,paper")).toBe(true);
  });

  it("quotes commas, quotes and line breaks so the row reads back intact", () => {
    const tricky = { ...row, title: 'a,"b"\r\nc', column: "  spaced " };
    const [parsed] = readCsv(ENCODERS.csv.encodeRow(tricky));
    expect(parsed?.[5]).toBe('a,"b"\r\nc');
    expect(parsed?.[4]).toBe("  spaced ");
    expect(parsed?.[7]).toBe("记者:王昊男; 摄影:严贵旺");
    expect(parsed).toHaveLength(9);
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    expect(escapeCsvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(escapeCsvCell("-1")).toBe("'-1");
    expect(escapeCsvCell(null)).toBe("");
  });
});

describe("RIS, BibTeX and JSON Lines exports", () => {
  it("writes an RIS NEWS record with every author and the permalink", () => {
    const ris = ENCODERS.ris.encodeRow(row);
    expect(ris).toMatch(/^TY {2}- NEWS\r\n/);
    expect(ris).toContain("AU  - 王昊男\r\nAU  - 严贵旺");
    expect(ris).toContain("T2  - 人民日报");
    expect(ris).toContain("DA  - 2019/02/21");
    expect(ris.trimEnd().endsWith("ER  -")).toBe(true);
  });

  it("writes BibTeX with escaped specials and authors joined by and", () => {
    const bib = ENCODERS.bibtex.encodeRow({ ...row, title: "50% of {x} & y" });
    expect(bib).toContain("author = {{王昊男} and {严贵旺}}");
    expect(bib).toContain("title = {{50\\% of \\{x\\} \\& y}}");
    expect(escapeBibtex("a\\b")).toBe("a\\textbackslash{}b");
  });

  it("writes one JSON object per line", () => {
    const line = ENCODERS.jsonl.encodeRow(row);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toEqual(row);
  });
});

import { DATELINE } from "@/lib/byline/dateline";
import { normalizeCompact } from "@/lib/text/normalize";

/**
 * A page as the segmenter reads it: its non-blank lines in order, each with the blank lines
 * around it and a normalised copy (NFKC, Traditional → Simplified, no whitespace) that the
 * features look at, so that full- and half-width punctuation and Traditional pages read alike.
 */
export type PageLine = {
  /** The line as printed, trimmed; table rows keep the tabs between their cells. */
  text: string;
  /** Normalised, whitespace removed. */
  norm: string;
  /**
   * It opens with a dateline (本报讯, 新华社北京1月14日电: lib/byline/dateline.ts), so it opens a
   * report. Tested once here; the features, the lead bonus and the decoding steps all read it.
   */
  opensReport: boolean;
  /** Line number in the page text (0-based). */
  index: number;
  blankBefore: number;
  blankAfter: number;
};

export function splitPageLines(text: string): PageLine[] {
  const lines: PageLine[] = [];
  let blanks = 0;
  for (const [index, raw] of text.split(/\r?\n/u).entries()) {
    const trimmed = raw.trim();
    if (!trimmed) {
      blanks++;
      continue;
    }
    const previous = lines.at(-1);
    if (previous) previous.blankAfter = blanks;
    const norm = normalizeCompact(trimmed);
    lines.push({ text: trimmed, norm, opensReport: DATELINE.test(norm), index, blankBefore: blanks, blankAfter: 0 });
    blanks = 0;
  }
  const last = lines.at(-1);
  if (last) last.blankAfter = blanks;
  return lines;
}

/** Table rows are lines with tabs between cells. */
export function isTableRow(line: PageLine): boolean {
  return line.text.includes("\t");
}

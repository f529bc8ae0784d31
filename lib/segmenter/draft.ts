import type { ArticleBlock, Author, Credit } from "@/lib/article/types";
import { readCreditLine } from "@/lib/byline/page-credit";
import { readPhotoCredit } from "@/lib/byline/photo-credit";
import { endsSentence, parseBylineLine } from "@/lib/byline/trailing-byline";
import type { LineLabel } from "./labels";

/**
 * An item while the page is read: the lines it took, its headline lines, blocks, byline and credit
 * lines, and how its text grows as labelled lines arrive (a cut sentence joined, a table row added).
 */

export type Draft = {
  lines: number[];
  column: string[];
  kicker: string[];
  title: string[];
  subtitle: string[];
  printedBylines: string[];
  authors: Author[];
  credits: Credit[];
  blocks: ArticleBlock[];
  lastHeadRank: number | null;
  closed: boolean;
  remainder: boolean;
};

const PHOTO_WORDS = /(?:摄|摄影|摄影报道)(?:\s*[(（][^()（）]*[)）])?$/u;
/** A letter's signer that is not a person (江苏省总工会, 中共中央 国务院), above its date line: Han words only, short. */
const SIGNER = /^\p{Script=Han}[\p{Script=Han} ·]{1,24}$/u;
/** A continuation line whose first character repeats the unit that ended the line before. */
const NUMBER_UNIT_AT_END = /[\d０-９][万亿千百]*(\p{Script=Han})$/u;

export function createDraft(): Draft {
  return {
    lines: [], column: [], kicker: [], title: [], subtitle: [], printedBylines: [], authors: [], credits: [],
    blocks: [], lastHeadRank: null, closed: false, remainder: false,
  };
}

export function hasBody(draft: Draft): boolean {
  return draft.blocks.length > 0;
}

/** A headline group still waiting for its first body line. */
export function awaitsBody(draft: Draft | null): draft is Draft & { lastHeadRank: number } {
  return draft !== null && !draft.remainder && !hasBody(draft) && draft.lastHeadRank !== null;
}

export function addHeadlineLine(draft: Draft, label: LineLabel, text: string): void {
  if (label === "column") draft.column.push(text);
  else if (label === "kicker") draft.kicker.push(text);
  else if (label === "title") draft.title.push(text);
  else if (label === "subtitle") draft.subtitle.push(text);
  else addByline(draft, text, true);
}

export function takeOverHeadline(target: Draft, from: Draft): void {
  target.column.push(...from.column);
  target.kicker.push(...from.kicker);
  target.title.push(...from.title);
  target.subtitle.push(...from.subtitle);
  target.printedBylines.push(...from.printedBylines);
  target.authors.push(...from.authors);
  target.lines.push(...from.lines);
  target.lastHeadRank = from.lastHeadRank;
}

export function addBodyLine(draft: Draft, label: LineLabel, text: string, dropped: string[], signsLetter: boolean): void {
  switch (label) {
    case "cont":
      appendContinuation(draft, text, dropped);
      return;
    case "subhead":
      draft.blocks.push({ kind: "subhead", text });
      return;
    case "caption":
      draft.blocks.push({ kind: "caption", text });
      return;
    case "table":
      addTableLine(draft, text);
      return;
    case "byline":
      addByline(draft, text, true, signsLetter);
      draft.closed = true;
      return;
    case "credit":
      addCredit(draft, text);
      draft.closed = true;
      return;
    default:
      draft.blocks.push({ kind: "paragraph", text });
  }
}

export function appendContinuation(draft: Draft, text: string, dropped: string[]): Draft {
  const last = draft.blocks.at(-1);
  if (last && last.kind !== "table") last.text = joinCutText(last.text, text, dropped);
  else draft.blocks.push({ kind: "paragraph", text });
  return draft;
}

/**
 * Joins the halves of a sentence cut by a line break. OCR sometimes repeats the character at the
 * break; a unit after a number that reappears before punctuation (`1.75万亿元` + `元，`) can only
 * be such a repeat, so one copy is dropped and reported.
 */
function joinCutText(before: string, after: string, dropped: string[]): string {
  const unit = NUMBER_UNIT_AT_END.exec(before)?.[1];
  if (unit && after.startsWith(unit) && /^\p{P}/u.test(after.slice(unit.length))) {
    dropped.push(unit);
    return before + after.slice(unit.length);
  }
  return before + after;
}

export function addTableLine(draft: Draft, text: string): void {
  if (!text.includes("\t")) {
    draft.blocks.push({ kind: "paragraph", text });
    return;
  }
  const row = text.split("\t").map((cell) => cell.trim());
  const last = draft.blocks.at(-1);
  if (last?.kind === "table") last.rows.push(row);
  else draft.blocks.push({ kind: "table", rows: [row] });
}

/** A byline line: its names through the byline grammar (pen names allowed: the label says it is one). */
export function addByline(draft: Draft, text: string, penNames: boolean, signsLetter = false): void {
  draft.printedBylines.push(text);
  const parsed = parseBylineLine(text, { penNames });
  if (parsed) draft.authors.push(...parsed.authors);
  else if (signsLetter && SIGNER.test(text.trim())) draft.authors.push({ name: text.trim(), role: null });
}

/** 张三 摄 / 新华社记者 张三摄影报道 credit photographers; 版式设计：李四 is a credit, not an author. */
export function addCredit(draft: Draft, text: string): void {
  draft.printedBylines.push(text);
  // The page-credit and photo-credit readings of the byline grammar first (版式设计：李四, 张三 摄).
  const typeset = readCreditLine(text) ?? readPhotoCredit(text);
  if (typeset) {
    draft.authors.push(...typeset.authors);
    draft.credits.push(...typeset.credits);
    return;
  }
  const parsed = parseBylineLine(text, { penNames: true });
  if (!parsed) return;
  const photo = PHOTO_WORDS.test(text.trim());
  draft.authors.push(...parsed.authors.map((author) => (photo ? { name: author.name, role: "摄影" as const } : author)));
}

/** The item's last paragraph stops mid-sentence and nothing closed it. */
export function isCutOff(draft: Draft): boolean {
  const last = draft.blocks.at(-1);
  return !draft.closed && !draft.remainder && last?.kind === "paragraph" && !endsSentence(last.text);
}


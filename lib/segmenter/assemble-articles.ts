import type { ArticleBlock, ArticleKind, Author, Credit, DateSource, ParsedArticle } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { DATELINE } from "@/lib/byline/dateline";
import { endsSentence, parseBylineLine, splitTrailingByline } from "@/lib/byline/trailing-byline";
import { normalizeText } from "@/lib/text/normalize";
import { deriveTitle } from "./derive-title";
import { measureJoin } from "./dictionary-join";
import { HEADLINE_RANK, type LineLabel } from "./labels";
import type { PageLine } from "./page-lines";

/**
 * Turns a page's labelled lines into items: where each item starts, which lines are its
 * headline, body, byline and credits, and which cut sentences join (see labels.ts for the rules).
 * Every line lands in exactly one item (page furniture in a `remainder` item), so every printed
 * character is accounted for once.
 */

export type PageContext = {
  source: string;
  sourceFile: string;
  date: string | null;
  dateSource: DateSource | null;
  page: number | null;
};

/** How sure the segmenter was of an item: 0 (a coin toss) to 1. */
export type ItemConfidence = {
  boundary: number;
  byline: number;
  /** The least certain decision, for a person to check: `line 12 “…”: title, else start`. */
  weakest: string;
};

export type AssembledPage = {
  articles: ParsedArticle[];
  /** Per article, the byline and credit lines as printed (not part of its blocks), joined by \n; null when none. */
  bylines: (string | null)[];
  confidence: ItemConfidence[];
  /** Per page line, the index of the article it went to. */
  lineItems: number[];
  /** Characters removed as OCR repeats where a cut sentence was joined (`1.75万亿元` / `元，占全省`). */
  droppedDuplicates: string[];
};

export type LineDecision = {
  label: LineLabel;
  /** Best score with this label minus the best with any other (see sequence-model.ts). */
  margin: number;
  /** The same against labels that would place the line differently (a kicker read as a title places it alike). */
  boundaryMargin: number;
  runnerUp: LineLabel;
};

type Draft = {
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

/**
 * Margins are scores; confidence is 1 − e^(−margin / scale). With 25, the review threshold 0.8
 * falls at a boundary margin of about 40: on generated dev pages that lists 15 % of the items and
 * catches 57 % of the wrongly bounded ones (a random list of that size would catch 15 %).
 */
const MARGIN_SCALE = 25;
const PHOTO_WORDS = /(?:摄|摄影|摄影报道)(?:\s*[(（][^()（）]*[)）])?$/u;
const CREDIT_LINE = /^(?:本版|本期)?([^：:\s]{2,6})[：:]\s*(.+)$/u;
/** A letter's signer that is not a person (江苏省总工会, 中共中央 国务院), above its date line: Han words only, short. */
const SIGNER = /^\p{Script=Han}[\p{Script=Han} ·]{1,24}$/u;
/** A continuation line whose first character repeats the unit that ended the line before. */
const NUMBER_UNIT_AT_END = /[\d０-９][万亿千百]*(\p{Script=Han})$/u;

export function assembleArticles(lines: readonly PageLine[], decisions: readonly LineDecision[], context: PageContext): AssembledPage {
  const drafts: Draft[] = [];
  const suspended: Draft[] = [];
  const droppedDuplicates: string[] = [];
  let current: Draft | null = null;

  const open = (at: number): Draft => {
    if (current && isCutOff(current) && !suspended.includes(current)) suspended.push(current);
    current = createDraft();
    drafts.push(current);
    return current;
  };

  decisions.forEach((decision, at) => {
    const line = lines[at]!;
    const text = line.text;
    const label = decision.label;
    const rank = HEADLINE_RANK[label];
    let draft: Draft;
    if (label === "other") {
      draft = current?.remainder && current.lines.at(-1) === at - 1 ? current : open(at);
      draft.remainder = true;
      draft.blocks.push({ kind: "paragraph", text });
    } else if (rank !== undefined) {
      draft = continuesHeadline(current, rank, label) ? current! : open(at);
      addHeadlineLine(draft, label, text);
      draft.lastHeadRank = rank;
    } else if (label === "resume") {
      draft = resume(current, text) ?? appendContinuation(current ?? open(at), text, droppedDuplicates);
    } else {
      const starts = label === "start" || label === "caption";
      const joinsHeadline = current !== null && !current.remainder && !hasBody(current) && current.lastHeadRank !== null;
      // A caption after a photo credit is the next photo's.
      const continuesCaption = label === "caption" && current?.blocks.at(-1)?.kind === "caption" && !current.closed;
      draft = (starts ? joinsHeadline || continuesCaption : current !== null && !current.remainder) ? current! : open(at);
      addBodyLine(draft, label, text, droppedDuplicates, decisions[at + 1]?.label === "signdate");
    }
    draft.lines.push(at);
  });

  /** Joins the line to the latest item whose sentence another item's block cut. */
  function resume(open: Draft | null, text: string): Draft | null {
    const target = chooseResumed(suspended, open, text);
    if (!target) return null;
    suspended.splice(suspended.indexOf(target), 1);
    if (open && !hasBody(open) && !open.remainder && open.lastHeadRank !== null && target.lastHeadRank === null) {
      // The headline printed just before the resumed text is that item's own (seed page 002).
      takeOverHeadline(target, open);
      drafts.splice(drafts.indexOf(open), 1);
    } else if (open && isCutOff(open) && !suspended.includes(open)) {
      suspended.push(open);
    }
    current = target;
    return appendContinuation(target, text, droppedDuplicates);
  }

  const ordered = drafts.filter((draft) => draft.lines.length > 0).sort((a, b) => a.lines[0]! - b.lines[0]!);
  const lineItems = new Array<number>(lines.length).fill(-1);
  ordered.forEach((draft, index) => draft.lines.forEach((at) => (lineItems[at] = index)));
  return {
    articles: ordered.map((draft, ordinal) => toParsedArticle(draft, ordinal, context)),
    bylines: ordered.map((draft) => (draft.printedBylines.length > 0 ? draft.printedBylines.join("\n") : null)),
    confidence: ordered.map((draft) => rateDraft(draft, lines, decisions)),
    lineItems,
    droppedDuplicates,
  };
}

/**
 * The suspended item a `resume` line continues: one whose last sentence was cut, preferring the
 * one whose cut a dictionary word bridges and — when a headline printed just before has no body
 * yet — one without a headline of its own; otherwise the latest.
 */
function chooseResumed(suspended: readonly Draft[], open: Draft | null, text: string): Draft | null {
  const headlineWaiting = open !== null && !hasBody(open) && !open.remainder && open.lastHeadRank !== null;
  let best: Draft | null = null;
  let bestScore = -1;
  for (const candidate of suspended) {
    if (candidate === open || !isCutOff(candidate)) continue;
    const last = candidate.blocks.at(-1);
    const bridged = last && last.kind !== "table" && measureJoin(normalizeText(last.text).replace(/\s+/gu, ""), normalizeText(text).replace(/\s+/gu, "")) >= 2;
    const score = (headlineWaiting && candidate.lastHeadRank === null ? 2 : 0) + (bridged ? 1 : 0);
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function createDraft(): Draft {
  return {
    lines: [], column: [], kicker: [], title: [], subtitle: [], printedBylines: [], authors: [], credits: [],
    blocks: [], lastHeadRank: null, closed: false, remainder: false,
  };
}

function hasBody(draft: Draft): boolean {
  return draft.blocks.length > 0;
}

/**
 * Headline lines in a row form one group whatever their order: an item with a headline and no
 * body is rare, and a kicker read as a title must not split the group. A column tag starts a new
 * group after the title (a column line belongs above the headline it tags).
 */
function continuesHeadline(current: Draft | null, rank: number, label: LineLabel): boolean {
  if (!current || current.remainder || hasBody(current) || current.lastHeadRank === null) return false;
  return !(label === "column" && current.lastHeadRank >= (HEADLINE_RANK.title ?? 0) && rank < current.lastHeadRank);
}

function addHeadlineLine(draft: Draft, label: LineLabel, text: string): void {
  if (label === "column") draft.column.push(text);
  else if (label === "kicker") draft.kicker.push(text);
  else if (label === "title") draft.title.push(text);
  else if (label === "subtitle") draft.subtitle.push(text);
  else addByline(draft, text, true);
}

function takeOverHeadline(target: Draft, from: Draft): void {
  target.column.push(...from.column);
  target.kicker.push(...from.kicker);
  target.title.push(...from.title);
  target.subtitle.push(...from.subtitle);
  target.printedBylines.push(...from.printedBylines);
  target.authors.push(...from.authors);
  target.lines.push(...from.lines);
  target.lastHeadRank = from.lastHeadRank;
}

function addBodyLine(draft: Draft, label: LineLabel, text: string, dropped: string[], signsLetter: boolean): void {
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

function appendContinuation(draft: Draft, text: string, dropped: string[]): Draft {
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

function addTableLine(draft: Draft, text: string): void {
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
function addByline(draft: Draft, text: string, penNames: boolean, signsLetter = false): void {
  draft.printedBylines.push(text);
  const parsed = parseBylineLine(text, { penNames });
  if (parsed) draft.authors.push(...parsed.authors);
  else if (signsLetter && SIGNER.test(text.trim())) draft.authors.push({ name: text.trim(), role: null });
}

/** 张三 摄 / 新华社记者 张三摄影报道 credit photographers; 版式设计：李四 is a credit, not an author. */
function addCredit(draft: Draft, text: string): void {
  draft.printedBylines.push(text);
  const labelled = CREDIT_LINE.exec(text.trim());
  if (labelled && !PHOTO_WORDS.test(text)) {
    draft.credits.push({ role: labelled[1]!, name: labelled[2]!.trim() });
    return;
  }
  const parsed = parseBylineLine(text, { penNames: true });
  if (!parsed) return;
  const photo = PHOTO_WORDS.test(text.trim());
  draft.authors.push(...parsed.authors.map((author) => (photo ? { name: author.name, role: "摄影" as const } : author)));
}

/** The item's last paragraph stops mid-sentence and nothing closed it. */
function isCutOff(draft: Draft): boolean {
  const last = draft.blocks.at(-1);
  return !draft.closed && !draft.remainder && last?.kind === "paragraph" && !endsSentence(last.text);
}

function toParsedArticle(draft: Draft, ordinal: number, context: PageContext): ParsedArticle {
  splitClosingByline(draft);
  const dateline = readDateline(draft.blocks);
  const authors = mergeAuthors([...(dateline?.authors ?? []), ...draft.authors]);
  const kind = decideKind(draft, authors);
  const mains = draft.title.length > 0 ? draft.title : draft.kicker.slice(-1);
  const kicker = draft.title.length > 0 ? draft.kicker : draft.kicker.slice(0, -1);
  const subtitleAsTitle = mains.length === 0 && draft.subtitle.length > 0;
  // An item of nothing but a column line (双拥共建 left at a page end) is titled by it.
  const columnAsTitle = mains.length === 0 && !subtitleAsTitle && draft.column.length > 0 && draft.blocks.length === 0 && draft.printedBylines.length === 0;
  const title = mains.length > 0 ? mains.join("") : subtitleAsTitle ? draft.subtitle.join("") : columnAsTitle ? draft.column.join("") : null;
  return {
    kind,
    source: context.source,
    sourceFile: context.sourceFile,
    ordinal,
    sourceKey: null,
    date: context.date,
    dateSource: context.dateSource,
    page: context.page,
    column: columnAsTitle ? null : joinLines(draft.column),
    kicker: joinLines(kicker),
    title: title ?? deriveTitle(blocksToPlainText(draft.blocks) || draft.printedBylines.join(" ")),
    titleDerived: title === null,
    subtitle: subtitleAsTitle ? null : joinLines(draft.subtitle),
    authors,
    credits: draft.credits,
    dateline: dateline?.printed ?? null,
    place: dateline?.place ?? null,
    blocks: draft.blocks,
  };
}

/** A byline printed after the last sentence on the same line: …提升竞争力。(李静). */
function splitClosingByline(draft: Draft): void {
  if (draft.remainder) return;
  const last = draft.blocks.at(-1);
  if (last?.kind !== "paragraph" || draft.blocks.length === 0) return;
  const split = splitTrailingByline(last.text, { penNames: true });
  if (!split) return;
  last.text = split.text;
  draft.printedBylines.push(split.byline.printed);
  draft.authors.push(...split.byline.authors);
}

function decideKind(draft: Draft, authors: readonly Author[]): ArticleKind {
  if (draft.remainder) return "remainder";
  const paragraphs = draft.blocks.filter((block) => block.kind === "paragraph").length;
  const captions = draft.blocks.filter((block) => block.kind === "caption").length;
  if (captions > 0 && paragraphs === 0) return "photo";
  const onlyPhotographers = authors.length > 0 && authors.every((author) => author.role === "摄影");
  if (onlyPhotographers && paragraphs === draft.blocks.length && paragraphs <= 2 && draft.title.length === 0) return "photo";
  return isMostlyTable(draft.blocks) ? "table" : "article";
}

function isMostlyTable(blocks: readonly ArticleBlock[]): boolean {
  let tableChars = 0;
  let textChars = 0;
  for (const block of blocks) {
    if (block.kind === "table") tableChars += block.rows.flat().join("").length;
    else textChars += block.text.length;
  }
  return tableChars > 0 && tableChars >= textChars;
}

const OPENING_BYLINE = /^\s*[(（][^()（）]+[)）]/u;

/** The dateline opening the first paragraph, with the byline printed right after it (本报讯（记者 张三）). */
function readDateline(blocks: readonly ArticleBlock[]): { printed: string; place: string | null; authors: Author[] } | null {
  const first = blocks.find((block) => block.kind === "paragraph");
  if (first?.kind !== "paragraph") return null;
  const match = DATELINE.exec(first.text.trim());
  if (!match) return null;
  const opening = OPENING_BYLINE.exec(first.text.trim().slice(match[0].length))?.[0];
  const authors = opening ? (parseBylineLine(opening.trim())?.authors ?? []) : [];
  return { printed: match[0], place: match[1] || null, authors };
}

function mergeAuthors(authors: readonly Author[]): Author[] {
  const merged: Author[] = [];
  for (const author of authors) {
    if (!merged.some((known) => known.name === author.name && known.role === author.role)) merged.push(author);
  }
  return merged;
}

function joinLines(lines: readonly string[]): string | null {
  return lines.length > 0 ? lines.join("\n") : null;
}

/**
 * Boundary confidence: the least sure label among the item's lines and the line after it (whose
 * label decided where this item ends). Byline confidence: the least sure of the lines that gave
 * authors, or — for an item with none — of its last line, which could have been a byline.
 */
function rateDraft(draft: Draft, lines: readonly PageLine[], decisions: readonly LineDecision[]): ItemConfidence {
  const lastLine = draft.lines.reduce((a, b) => Math.max(a, b), 0);
  const boundaryLines = [...draft.lines, ...(lastLine + 1 < decisions.length ? [lastLine + 1] : [])];
  const weakest = boundaryLines.reduce((worst, at) => (decisions[at]!.boundaryMargin < decisions[worst]!.boundaryMargin ? at : worst), boundaryLines[0]!);
  const bylineLines = draft.lines.filter((at) => ["penname", "byline", "credit"].includes(decisions[at]!.label));
  const firstBody = draft.lines.find((at) => decisions[at]!.label === "start");
  const bylineBasis = bylineLines.length > 0 ? bylineLines : [firstBody ?? lastLine, lastLine];
  const decision = decisions[weakest]!;
  const preview = [...(lines[weakest]?.text ?? "")].slice(0, 16).join("");
  return {
    boundary: toConfidence(decision.boundaryMargin),
    byline: toConfidence(Math.min(...bylineBasis.map((at) => decisions[at]!.margin))),
    weakest: `line ${(lines[weakest]?.index ?? 0) + 1} “${preview}”: ${decision.label}, else ${decision.runnerUp}`,
  };
}

function toConfidence(margin: number): number {
  return Math.round((1 - Math.exp(-margin / MARGIN_SCALE)) * 1000) / 1000;
}

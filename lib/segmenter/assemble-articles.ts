import type { ParsedArticle } from "@/lib/article/types";
import { normalizeCompact } from "@/lib/text/normalize";
import { measureJoin } from "./dictionary-join";
import { addBodyLine, addHeadlineLine, appendContinuation, awaitsBody, createDraft, isCutOff, takeOverHeadline, type Draft } from "./draft";
import { rateDraft, type ItemConfidence, type LineDecision } from "./item-confidence";
import { toParsedArticle, type PageContext } from "./item-record";
import { HEADLINE_RANK, type LineLabel } from "./labels";
import type { PageLine } from "./page-lines";

export type { ItemConfidence, LineDecision, PageContext };

/** Enough of a paragraph's end for `measureJoin`, which looks at six characters (spaces may sit between them). */
const JOIN_CONTEXT_CHARS = 32;

/**
 * Turns a page's labelled lines into items: where each item starts, which lines are its
 * headline, body, byline and credits, and which cut sentences join (see labels.ts for the rules).
 * Every line lands in exactly one item (page furniture in a `remainder` item), so every printed
 * character is accounted for once.
 */

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

export function assembleArticles(lines: readonly PageLine[], decisions: readonly LineDecision[], context: PageContext): AssembledPage {
  const drafts: Draft[] = [];
  const suspended: Draft[] = [];
  const droppedDuplicates: string[] = [];
  let current: Draft | null = null;

  const open = (): Draft => {
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
      draft = current?.remainder && current.lines.at(-1) === at - 1 ? current : open();
      draft.remainder = true;
      draft.blocks.push({ kind: "paragraph", text });
    } else if (rank !== undefined) {
      draft = continuesHeadline(current, rank, label) ? current! : open();
      addHeadlineLine(draft, label, text);
      draft.lastHeadRank = rank;
    } else if (label === "resume") {
      draft = resume(current, text, line.norm) ?? appendContinuation(current ?? open(), text, droppedDuplicates);
    } else {
      const starts = label === "start" || label === "caption";
      const joinsHeadline = awaitsBody(current);
      // A caption after a photo credit is the next photo's.
      const continuesCaption = label === "caption" && current?.blocks.at(-1)?.kind === "caption" && !current.closed;
      draft = (starts ? joinsHeadline || continuesCaption : current !== null && !current.remainder) ? current! : open();
      addBodyLine(draft, label, text, droppedDuplicates, decisions[at + 1]?.label === "signdate");
    }
    draft.lines.push(at);
  });

  /** Joins the line to the latest item whose sentence another item's block cut. */
  function resume(before: Draft | null, text: string, norm: string): Draft | null {
    const target = chooseResumed(suspended, before, norm);
    if (!target) return null;
    suspended.splice(suspended.indexOf(target), 1);
    if (awaitsBody(before) && target.lastHeadRank === null) {
      // The headline printed just before the resumed text is that item's own (seed page 002).
      takeOverHeadline(target, before);
      drafts.splice(drafts.indexOf(before), 1);
    } else if (before && isCutOff(before) && !suspended.includes(before)) {
      suspended.push(before);
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
/** `norm`: the resumed line, normalised as `PageLine.norm`. */
function chooseResumed(suspended: readonly Draft[], open: Draft | null, norm: string): Draft | null {
  const headlineWaiting = awaitsBody(open);
  let best: Draft | null = null;
  let bestScore = -1;
  for (const candidate of suspended) {
    if (candidate === open || !isCutOff(candidate)) continue;
    const last = candidate.blocks.at(-1);
    const bridged = last && last.kind !== "table" && measureJoin(normalizeCompact(last.text.slice(-JOIN_CONTEXT_CHARS)), norm) >= 2;
    const score = (headlineWaiting && candidate.lastHeadRank === null ? 2 : 0) + (bridged ? 1 : 0);
    if (score >= bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Headline lines in a row form one group whatever their order: an item with a headline and no
 * body is rare, and a kicker read as a title must not split the group. A column tag starts a new
 * group after the title (a column line belongs above the headline it tags).
 */
function continuesHeadline(current: Draft | null, rank: number, label: LineLabel): boolean {
  if (!awaitsBody(current)) return false;
  return !(label === "column" && current.lastHeadRank >= (HEADLINE_RANK.title ?? 0) && rank < current.lastHeadRank);
}


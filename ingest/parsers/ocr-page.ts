import type { ArticleBlock, ArticleKind, Author, DateSource, ParsedArticle } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { CLOSING_DATELINE, DATELINE, OPENING_BYLINE } from "@/lib/byline/dateline";
import { endsSentence, parseBylineLine, splitTrailingByline, type PrintedByline } from "@/lib/byline/trailing-byline";

/**
 * Splits one OCR'd newspaper page (plain text, blank lines between printed lines) into articles.
 *
 * The OCR keeps reading order only roughly: a paragraph broken by a column end arrives as two
 * lines with a blank line between, and a block of another article can land between the halves.
 * The parser walks the lines once, keeping
 *   - the article being read (`current`), closed by its byline;
 *   - articles whose last sentence was cut off by another article's block (`suspended`):
 *     the next text that reads as a continuation — rather than a new article — is joined to them.
 * Whether headline-like lines inside the open article are its section heads or the next item's
 * headlines depends on what that article still waits for (see `isSectionHead`): its byline, or —
 * when it was signed after its dateline or ended by a closing dateline — nothing.
 *
 * Nothing printed is dropped: every non-whitespace character ends up in exactly one returned item
 * (headline lines, blocks, the printed byline, or a `remainder` item), except characters removed as
 * certain OCR duplicates, which are reported. `textOfParsed` rebuilds what an item accounts for.
 */

export type OcrPageContext = {
  source: string;
  sourceFile: string;
  date: string | null;
  dateSource: DateSource | null;
  page: number | null;
};

export type OcrPageParse = {
  articles: ParsedArticle[];
  /** The byline of `articles[i]` as printed (`(李静)`, `见习记者 孙佳敏 通讯员 孟涛 文/摄`), or null. */
  bylines: (string | null)[];
  /** Characters removed as OCR duplicates at line breaks (`1.75万亿元` / `元，占全省`). */
  droppedDuplicates: string[];
};

/** Headline lines are short; a longer line without end punctuation is body text cut by a column end. */
const MAX_HEADLINE_CHARS = 40;
const MAX_DERIVED_TITLE_CHARS = 48;
/** A continuation line whose first character repeats the unit that ended the line before. */
const NUMBER_UNIT_AT_END = /[\d０-９][万亿千百]*(\p{Script=Han})$/u;
const SUBTITLE_LINE = /^(?:——|—|--)|^[(（][^()（）]*[)）]$/u;
const TIME_CLAUSE =
  /^(?:近日|日前|目前|当前|近期|今年以来|今年|去年|昨天|昨日|今天|今日|\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|晚间|凌晨|中午|早上)?(?:\d{1,2}时(?:许)?)?$/u;
const PURPOSE_CLAUSE = /^为/u;
const DASH_START = /^(?:——|—|--)/u;
const DASH_END = /(?:——|—|--)$/u;
/** Marks no paragraph or headline can open with: a line starting with one continues the line before. */
const CONTINUATION_START = /^[，,。．、；;：:！!？?）)】》〉」』”’]/u;

type TextLine = { kind: "line"; text: string; index: number };
type Line = TextLine | { kind: "table"; rows: string[][]; index: number };
type LineRole = "byline" | "dateline" | "headline" | "body" | "table";

type Draft = {
  /** Index of the first line, for reading order. */
  start: number;
  headlines: string[];
  blocks: ArticleBlock[];
  byline: PrintedByline | null;
  remainder: boolean;
  /** The cut-off article this one broke into, while that one waits for its continuation. */
  interrupted: Draft | null;
};

type ParseState = {
  lines: readonly Line[];
  /** Where each line sits in `lines`, for looking past it. */
  positions: ReadonlyMap<Line, number>;
  drafts: Draft[];
  current: Draft | null;
  suspended: Draft[];
  droppedDuplicates: string[];
};

export function parseOcrPage(text: string, context: OcrPageContext): ParsedArticle[] {
  return parseOcrPageDetailed(text, context).articles;
}

export function parseOcrPageDetailed(text: string, context: OcrPageContext): OcrPageParse {
  const lines = splitLines(text);
  const positions = new Map(lines.map((line, at) => [line, at] as const));
  const state: ParseState = { lines, positions, drafts: [], current: null, suspended: [], droppedDuplicates: [] };
  for (let i = 0; i < lines.length; ) i = readLine(state, lines, i);
  const drafts = state.drafts
    .filter((draft) => draft.blocks.length > 0 || draft.headlines.length > 0 || draft.byline)
    .sort((a, b) => a.start - b.start);
  return {
    articles: drafts.map((draft, ordinal) => toParsedArticle(draft, ordinal, context)),
    bylines: drafts.map((draft) => draft.byline?.printed ?? null),
    droppedDuplicates: state.droppedDuplicates,
  };
}

/**
 * Everything an item accounts for from the page, in order: headline lines, body blocks and, when
 * given, the printed byline from `OcrPageParse.bylines`. A derived title is not page text of its
 * own (it repeats the body), so it is left out.
 */
export function textOfParsed(article: ParsedArticle, printedByline: string | null = null): string {
  const parts = [article.column, article.kicker, article.titleDerived ? null : article.title, article.subtitle];
  parts.push(blocksToPlainText(article.blocks), printedByline);
  return parts.filter((part): part is string => part !== null && part.length > 0).join("\n");
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Non-blank lines; consecutive tab-separated lines form one table. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const [index, raw] of text.split(/\r?\n/u).entries()) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    if (raw.includes("\t")) {
      appendTableRow(lines, raw, index);
      continue;
    }
    lines.push({ kind: "line", text: trimmed, index });
  }
  return lines;
}

function appendTableRow(lines: Line[], raw: string, index: number): void {
  const row = raw.split("\t").map((cell) => cell.trim());
  const last = lines.at(-1);
  if (last?.kind === "table" && last.index + last.rows.length === index) last.rows.push(row);
  else lines.push({ kind: "table", rows: [row], index });
}

/** Roles already worked out, per page: a line's role depends only on the lines around it. */
const roleCache = new WeakMap<readonly Line[], Map<number, LineRole | null>>();

function classifyLine(lines: readonly Line[], i: number): LineRole | null {
  let roles = roleCache.get(lines);
  if (!roles) roleCache.set(lines, (roles = new Map()));
  const known = roles.get(i);
  if (known !== undefined) return known;
  const role = classifyLineUncached(lines, i);
  roles.set(i, role);
  return role;
}

function classifyLineUncached(lines: readonly Line[], i: number): LineRole | null {
  const line = lines[i];
  if (!line) return null;
  if (line.kind === "table") return "table";
  if (parseBylineLine(line.text)) return "byline";
  if (DATELINE.test(line.text)) return "dateline";
  if (continuesOnNextLine(lines, i) || hasUnclosedBracket(line.text) || CLOSING_DATELINE.test(line.text)) return "body";
  if (looksLikeHeadline(line.text)) return "headline";
  if (!looksLikePunctuatedHeadline(line.text)) return "body";
  // Headlines may hold a comma (行动起来，共建美丽中国): right before a dateline such a short line is
  // the headline, since a sentence cut by a column end there is a whole column line, far longer.
  // A kicker may end with a colon (国台办：) when a headline line follows it.
  // Dashes join headline lines: a series line (——写在…之际，…) follows a headline line, and a
  // kicker ending in a dash (“人民楷模”布茹玛汗·毛勒朵——) is followed by its title; a sentence cut
  // by a column end neither opens with a dash nor follows one.
  const previous = lines[i - 1];
  const afterHeadline = previous?.kind === "line" && looksLikeHeadline(previous.text);
  if (afterHeadline && (DASH_START.test(line.text) || DASH_END.test(previous.text))) return "headline";
  const next = lines[i + 1];
  if (next?.kind !== "line") return "body";
  if (DATELINE.test(next.text)) return "headline";
  if (DASH_START.test(next.text) && looksLikePunctuatedHeadline(next.text)) return "headline";
  return /[：:]$/u.test(line.text) && classifyLine(lines, i + 1) === "headline" ? "headline" : "body";
}

/** The next line opens with a mark that only continues a sentence (，暂时无法…): this line is cut. */
function continuesOnNextLine(lines: readonly Line[], i: number): boolean {
  const next = lines[i + 1];
  return next?.kind === "line" && CONTINUATION_START.test(next.text);
}

/** A bracket or quote opened and not closed (（本报北京、开罗、…): the text goes on past the line end. */
function hasUnclosedBracket(text: string): boolean {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/[(（]/gu) > count(/[)）]/gu) || count(/“/gu) > count(/”/gu) || count(/《/gu) > count(/》/gu);
}

/**
 * Short, with no sentence punctuation and no comma: printed headlines separate their parts with
 * spaces, so a short line with a comma is a piece of a sentence cut by a column end.
 * (A headline may end with a closing quote: 我省新增一所“小马书屋”.)
 */
function looksLikeHeadline(text: string): boolean {
  const compact = text.replace(/\s+/gu, "");
  if ([...compact].length > MAX_HEADLINE_CHARS) return false;
  return !/[。！？!?，,；;]/u.test(compact) && !/[：:、]$/u.test(compact);
}

/** A headline-length clause or two without sentence end, not ending on a comma. */
function looksLikePunctuatedHeadline(text: string): boolean {
  const compact = text.replace(/\s+/gu, "");
  return [...compact].length <= MAX_HEADLINE_CHARS && !/[。！？!?；;]/u.test(compact) && !/[，,、]$/u.test(compact);
}

/**
 * In-article subheads are single phrases (工业经济稳中有进, 助力老人跨越数字鸿沟): an article not yet
 * closed by its byline goes on to it. Two-part headlines (喜报送进家门 军属共享荣光) are set with a space.
 */
function looksLikeSubhead(text: string): boolean {
  return !/\s/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Reads the line at `i` (and any it needs to look past); returns the index of the next unread line. */
function readLine(state: ParseState, lines: readonly Line[], i: number): number {
  const line = lines[i]!;
  if (line.kind === "table") {
    appendBlock(state, { kind: "table", rows: line.rows }, line.index);
    return i + 1;
  }
  const penName = state.current ? readPenNameLine(state, state.current, line) : null;
  if (penName && state.current) {
    closeDraft(state, state.current, penName);
    return i + 1;
  }
  switch (classifyLine(lines, i)) {
    case "byline":
      closeDraft(state, state.current ?? createDraft(state, line.index, [], true), parseBylineLine(line.text)!);
      return i + 1;
    case "dateline":
      startArticle(state, [], line.index, line);
      return i + 1;
    case "headline":
      return readHeadlines(state, lines, i);
    default:
      if (opensWithPunctuatedHeadline(state, lines, i)) return readHeadlines(state, lines, i);
      readBody(state, line, [], line.index);
      return i + 1;
  }
}

/**
 * A parenthesised pen name on its own line, （羽生）, (实思): taken as the byline of the open
 * article when that article is waiting for its byline (its last paragraph ends a sentence) and
 * only a new item or the page end follows. A column tag of the same shape (（暖相册）) is printed
 * above the headline of its own article, after the previous article was closed by its byline.
 */
function readPenNameLine(state: ParseState, open: Draft, line: TextLine): PrintedByline | null {
  const last = open.blocks.at(-1);
  if (last?.kind !== "paragraph" || !endsParagraph(last.text) || !endsItemAt(state, line)) return null;
  return parseBylineLine(line.text, { penNames: true });
}

/** True when the line is the last of an item: the page ends after it, or a headline or dateline follows. */
function endsItemAt(state: ParseState, line: Line): boolean {
  const at = state.positions.get(line);
  if (at === undefined) return false;
  const next = classifyLine(state.lines, at + 1);
  return next === null || next === "headline" || next === "dateline";
}

/**
 * Between articles (the last one closed by its byline, no cut sentence waiting), a short line
 * with a comma and no sentence end continues nothing, so it is a headline (着眼发展大局，共享时代荣光).
 */
function opensWithPunctuatedHeadline(state: ParseState, lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  const nextRole = classifyLine(lines, i + 1);
  if (state.current || findResumable(state, []) || line?.kind !== "line") return false;
  return looksLikePunctuatedHeadline(line.text) && (nextRole === "headline" || nextRole === "body" || nextRole === "dateline");
}

/**
 * A run of headline-like lines is, depending on what follows and on the article being read:
 * the continuation of a sentence cut at a column end, an in-article subhead, the headlines of a
 * new article, or — at the page end — a trailing label such as a column name.
 */
function readHeadlines(state: ParseState, lines: readonly Line[], i: number): number {
  // The caller has decided that line i is a headline; the run goes on while lines look like one.
  let end = i + 1;
  while (classifyLine(lines, end) === "headline") end++;
  const group = lines.slice(i, end).flatMap((line) => (line.kind === "line" ? [line.text] : []));
  const next = lines[end];
  const nextRole = classifyLine(lines, end);
  const open = state.current;
  const first = lines[i]!;

  if (nextRole === null) {
    addRemainder(state, group, first.index);
    return end;
  }
  // A single phrase inside an article whose last sentence was cut continues that sentence.
  const inner = group.length === 1 && nextRole !== "dateline" ? group[0] : undefined;
  if (open && inner !== undefined && looksLikeSubhead(inner) && isCutOff(open)) {
    readBody(state, { kind: "line", text: inner, index: first.index }, [], first.index);
    return end;
  }
  if (open && nextRole !== "dateline" && isSectionHead(open, group, lines, end)) {
    open.blocks.push(...group.map((text): ArticleBlock => ({ kind: "subhead", text })));
    return end;
  }
  if (nextRole === "dateline" && next?.kind === "line") startArticle(state, group, first.index, next);
  else if (nextRole === "body" && next?.kind === "line") readBody(state, next, group, first.index);
  else startArticle(state, group, first.index, null);
  return end + (nextRole === "dateline" || nextRole === "body" ? 1 : 0);
}

/**
 * Whether headline lines inside the open article, followed by the line at `end`, are a section
 * head of it rather than the headlines of the next item.
 *
 * - An article still waiting for its byline (any article not closed by one, except a table item
 *   or a report ended by a closing dateline) keeps a single phrase (工业经济稳中有进) as a subhead.
 *   A two-part head (彪炳史册 雄健豪迈) or a head of several lines (镜头二 / “我的手机24小时畅通”)
 *   is a section of a long feature when the byline it waits for comes before the next dateline:
 *   a new article would have been preceded by the byline that closes this one. With no byline
 *   ahead this article is unsigned, and such a head starts the next article.
 * - An article signed after its dateline (本报北京…电（记者 A）) waits for nothing: a head
 *   followed by text that a byline closes before the next dateline starts a new item (a photo
 *   caption and its 摄影报道 line, the next report); otherwise the text is still this article's.
 */
function isSectionHead(open: Draft, group: readonly string[], lines: readonly Line[], end: number): boolean {
  const last = open.blocks.at(-1);
  if (last?.kind === "paragraph" && CLOSING_DATELINE.test(last.text)) return false;
  const singlePhrase = group.length === 1 && looksLikeSubhead(group[0] ?? "");
  const nextIsText = lines[end]?.kind === "line" && classifyLine(lines, end) === "body";
  const bylineAhead = nextIsText && findNextClosing(lines, end) === "byline";
  if (isSignedAtOpening(open)) return nextIsText ? !bylineAhead : singlePhrase;
  // A table item is not signed: a byline ahead is another item's.
  const waitsForByline = !open.blocks.some((block) => block.kind === "table");
  return singlePhrase || (waitsForByline && bylineAhead);
}

function isSignedAtOpening(draft: Draft): boolean {
  return (readDateline(draft.blocks)?.authors.length ?? 0) > 0;
}

/**
 * What comes first from line `from` on: a byline (on its own line or after a last sentence,
 * pen names included where the page end or a headline follows them), a dateline, or the page end.
 */
function findNextClosing(lines: readonly Line[], from: number): "byline" | "dateline" | "end" {
  for (let at = from; at < lines.length; at++) {
    const line = lines[at];
    if (line?.kind !== "line") continue;
    const role = classifyLine(lines, at);
    if (role === "byline" || splitTrailingByline(line.text) || CLOSING_DATELINE.test(line.text)) return "byline";
    if (role === "dateline") return "dateline";
    const nextRole = classifyLine(lines, at + 1);
    const lastOfItem = nextRole === null || nextRole === "headline" || nextRole === "dateline";
    if (lastOfItem && (parseBylineLine(line.text, { penNames: true }) || splitPenNameTail(line.text))) {
      return "byline";
    }
  }
  return "end";
}

/**
 * Body text that is not a dateline. It continues the open article (joining a cut sentence), or,
 * between articles, resumes a suspended article whose sentence was cut — taking over the
 * headlines it never had — or else starts a new article without a dateline.
 */
function readBody(state: ParseState, line: TextLine, headlines: string[], start: number): void {
  const open = headlines.length === 0 ? state.current : null;
  if (open) {
    continueArticle(state, open, line);
    return;
  }
  const resumed = findResumable(state, headlines);
  if (resumed) {
    state.suspended = state.suspended.filter((draft) => draft !== resumed);
    if (resumed.headlines.length === 0) resumed.headlines = headlines;
    state.current = resumed;
    appendText(state, resumed, line);
    return;
  }
  startArticle(state, headlines, start, line);
}

function continueArticle(state: ParseState, open: Draft, line: TextLine): void {
  const interrupted = open.interrupted;
  // The block of a new article that broke into a cut sentence is itself a column piece: when it
  // is cut in turn, the text after the cut resumes the article it interrupted.
  if (isCutOff(open) && interrupted && state.suspended.includes(interrupted) && isCutOff(interrupted)) {
    state.suspended = state.suspended.filter((draft) => draft !== interrupted);
    state.suspended.push(open);
    open.interrupted = null;
    state.current = interrupted;
    appendText(state, interrupted, line);
    return;
  }
  appendText(state, open, line);
}

function findResumable(state: ParseState, headlines: readonly string[]): Draft | null {
  const candidates = state.suspended.filter(
    (draft) => isCutOff(draft) && (headlines.length === 0 || draft.headlines.length === 0),
  );
  return candidates.at(-1) ?? null;
}

/** Starts a new article; an open article is closed, or suspended when its last sentence was cut. */
function startArticle(state: ParseState, headlines: string[], start: number, firstLine: Line | null): void {
  const open = state.current;
  const interrupted = open && isCutOff(open) ? open : null;
  if (interrupted) state.suspended.push(interrupted);
  const draft = createDraft(state, start, headlines);
  draft.interrupted = interrupted;
  state.current = draft;
  if (firstLine?.kind === "line") appendText(state, draft, firstLine);
}

function createDraft(state: ParseState, start: number, headlines: string[], remainder = false): Draft {
  const draft: Draft = { start, headlines, blocks: [], byline: null, remainder, interrupted: null };
  state.drafts.push(draft);
  return draft;
}

function appendBlock(state: ParseState, block: ArticleBlock, index: number): void {
  if (!state.current) startArticle(state, [], index, null);
  state.current?.blocks.push(block);
}

/**
 * Adds a paragraph, or joins it to a cut one, then takes a byline off its end — a pen name too
 * (…倡导新风气。（羽生）) when the line is the last of an item and not its first line (a dateline aside).
 */
function appendText(state: ParseState, draft: Draft, line: TextLine): void {
  const text = line.text;
  // The first line of an item may be a headline with a column tag (湖北，我们来了!（暖相册）) unless
  // it opens with a dateline.
  const hasBody = draft.blocks.length > 0 || DATELINE.test(text);
  const penNames = hasBody && endsItemAt(state, line);
  const split = splitTrailingByline(text) ?? (penNames ? splitPenNameTail(text) : null);
  const body = split ? split.text : text;
  const last = draft.blocks.at(-1);
  if (last?.kind === "paragraph" && isCutOff(draft)) last.text = joinCutText(state, last.text, body);
  else draft.blocks.push({ kind: "paragraph", text: body });
  if (split) closeDraft(state, draft, split.byline);
}

/** A byline ends its article: nothing after it joins the article. */
function closeDraft(state: ParseState, draft: Draft, byline: PrintedByline): void {
  draft.byline = byline;
  if (state.current === draft) state.current = null;
}

/** Text left over at the page end (a column label such as 双拥共建); it does not close the open article. */
function addRemainder(state: ParseState, texts: readonly string[], index: number): void {
  const draft = createDraft(state, index, [], true);
  draft.blocks.push(...texts.map((text): ArticleBlock => ({ kind: "paragraph", text })));
}

/** True when the article's last paragraph stops mid-sentence and no byline has closed it. */
function isCutOff(draft: Draft): boolean {
  const last = draft.blocks.at(-1);
  return draft.byline === null && last?.kind === "paragraph" && !endsParagraph(last.text);
}

/**
 * A pen name after the last sentence of a line: the sentence ends with a full stop or the line is
 * longer than a headline, since headlines with a column tag end with ！ or ？ (你用过回收的红包吗？（说道）).
 */
function splitPenNameTail(text: string): ReturnType<typeof splitTrailingByline> {
  const split = splitTrailingByline(text, { penNames: true });
  if (!split) return null;
  const long = [...split.text.replace(/\s+/gu, "")].length > MAX_HEADLINE_CHARS;
  return long || /[。．.][”’"'」』]*$/u.test(split.text) ? split : null;
}

/** A sentence end, or a closing dateline after the last sentence. */
function endsParagraph(text: string): boolean {
  return endsSentence(text) || CLOSING_DATELINE.test(text);
}

/**
 * Joins the halves of a sentence cut by a line break. OCR sometimes repeats the character at the
 * break; a unit after a number that reappears before punctuation (`1.75万亿元` + `元，`) can only
 * be such a repeat, so one copy is dropped and reported.
 */
function joinCutText(state: ParseState, before: string, after: string): string {
  const unit = NUMBER_UNIT_AT_END.exec(before)?.[1];
  const rest = after.trimStart();
  if (unit && rest.startsWith(unit) && /^\p{P}/u.test(rest.slice(unit.length))) {
    state.droppedDuplicates.push(unit);
    return before + rest.slice(unit.length);
  }
  return before + rest;
}

// ---------------------------------------------------------------------------------------------
// Output

function toParsedArticle(draft: Draft, ordinal: number, context: OcrPageContext): ParsedArticle {
  const dateline = readDateline(draft.blocks);
  const authors = mergeAuthors(dateline?.authors ?? [], draft.byline?.authors ?? []);
  const kind = decideKind(draft, authors);
  const headline = arrangeHeadlines(draft.headlines);
  const blocks = kind === "photo" ? draft.blocks.map(toCaption) : draft.blocks;
  const derived = headline.title === null;
  return {
    kind,
    source: context.source,
    sourceFile: context.sourceFile,
    ordinal,
    sourceKey: null,
    date: context.date,
    dateSource: context.dateSource,
    page: context.page,
    column: null,
    kicker: headline.kicker,
    title: headline.title ?? deriveTitle(blocksToPlainText(blocks) || (draft.byline?.printed ?? "")),
    titleDerived: derived,
    subtitle: headline.subtitle,
    authors,
    credits: [],
    dateline: dateline?.printed ?? null,
    place: dateline?.place ?? null,
    blocks,
  };
}

function decideKind(draft: Draft, authors: readonly Author[]): ArticleKind {
  if (draft.remainder) return "remainder";
  const onlyPhotographers = authors.length > 0 && authors.every((author) => author.role === "摄影");
  const paragraphs = draft.blocks.filter((block) => block.kind === "paragraph");
  if (onlyPhotographers && paragraphs.length === draft.blocks.length && paragraphs.length <= 2) return "photo";
  return isMostlyTable(draft.blocks) ? "table" : "article";
}

/** A table with a few notes is a table item; a long article that embeds a table stays an article. */
function isMostlyTable(blocks: readonly ArticleBlock[]): boolean {
  let tableChars = 0;
  let textChars = 0;
  for (const block of blocks) {
    if (block.kind === "table") tableChars += block.rows.flat().join("").length;
    else textChars += block.text.length;
  }
  return tableChars > 0 && tableChars >= textChars;
}

function toCaption(block: ArticleBlock): ArticleBlock {
  return block.kind === "paragraph" ? { kind: "caption", text: block.text } : block;
}

/**
 * Headline lines in print order → kicker, title, subtitle. A series line (——…) or a bracketed
 * line such as a date range is the subtitle; of the rest the last is the title and any before it
 * form the kicker (引题 above 主题, the usual layout). Multiple lines stay separate, joined by \n.
 */
function arrangeHeadlines(lines: readonly string[]): {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
} {
  const subtitles = lines.filter((line) => SUBTITLE_LINE.test(line));
  const mains = lines.filter((line) => !SUBTITLE_LINE.test(line));
  if (mains.length === 0 && subtitles.length > 0) mains.push(subtitles.shift()!);
  const title = mains.at(-1) ?? null;
  return {
    kicker: joinLines(mains.slice(0, -1)),
    title,
    subtitle: joinLines(subtitles),
  };
}

function joinLines(lines: readonly string[]): string | null {
  return lines.length > 0 ? lines.join("\n") : null;
}

/** The dateline opening the first paragraph, with the byline printed right after it (本报讯（记者 张三）). */
function readDateline(
  blocks: readonly ArticleBlock[],
): { printed: string; place: string | null; authors: Author[] } | null {
  const first = blocks[0];
  if (first?.kind !== "paragraph") return null;
  const match = DATELINE.exec(first.text);
  if (!match) return null;
  const opening = OPENING_BYLINE.exec(first.text.slice(match[0].length))?.[0];
  const authors = opening ? (parseBylineLine(opening)?.authors ?? []) : [];
  return { printed: match[0], place: match[1] || null, authors };
}

function mergeAuthors(first: readonly Author[], second: readonly Author[]): Author[] {
  const merged = [...first];
  for (const author of second) {
    if (!merged.some((known) => known.name === author.name && known.role === author.role)) merged.push(author);
  }
  return merged;
}

/**
 * A title for an item printed without one: the main clause of the first sentence — leading time
 * phrases (近日, 11月14日) and purpose clauses (为…) are skipped, and the longest clause left is
 * usually the news itself.
 */
function deriveTitle(body: string): string {
  const text = body.replace(DATELINE, "").replace(OPENING_BYLINE, "").trim() || body.trim();
  const sentence = /^[^。！？!?\n]+/u.exec(text)?.[0] ?? text;
  const clauses = sentence.split(/[，,；;：:]/u).map((clause) => clause.trim());
  const informative = clauses.filter((clause) => clause && !TIME_CLAUSE.test(clause) && !PURPOSE_CLAUSE.test(clause));
  const longest = informative.reduce<string>((best, clause) => (clause.length > best.length ? clause : best), "");
  const title = longest || sentence.trim();
  return [...title].slice(0, MAX_DERIVED_TITLE_CHARS).join("");
}

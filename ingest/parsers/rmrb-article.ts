import type { ArticleBlock, Author, Credit, DateSource, ParsedArticle } from "@/lib/article/types";
import { readCreditPhrase } from "@/lib/byline/credit-phrase";
import { matchDateline } from "@/lib/byline/dateline";
import { readPhotoCredit } from "@/lib/byline/photo-credit";
import { dedupeAuthors, dedupeCredits, type BylineReading } from "@/lib/byline/reading";
import { readInstitutionalPenName } from "@/lib/byline/reporter-line";
import { isAuthorNameLine, isAuthorNote, readAuthorNameLine } from "@/lib/byline/signature";
import { readTypesetByline } from "@/lib/byline/typeset-byline";
import { squash } from "@/lib/text/squash";

/**
 * One article in the per-article 人民日报 text format:
 *
 *   line 1  kicker (may be empty)
 *   line 2  headline, possibly ending with a column tag such as （环球走笔）
 *   line 3  subtitle (may be empty)
 *   then    paragraphs indented with full-width spaces; blank lines separate items
 *
 * Bylines are printed inside the text: a dateline with the reporters in
 * parentheses (本报北京2月21日电 （记者王昊男）), standalone 本报记者 lines,
 * closing parentheses, photo credits (严贵旺摄影报道) and page credits
 * (版式设计：蔡华伟). They become `authors`/`credits`; the byline text leaves
 * the body, the dateline stays (it is part of the printed, searchable text). The byline grammar
 * itself is lib/byline/ (`readTypesetByline`); this file walks the article's lines.
 */

export type RmrbContext = {
  sourceFile: string;
  source: string;
  date: string | null;
  dateSource: DateSource | null;
  page: number | null;
  position: number | null;
};

type Paragraph = { text: string; endsSection: boolean };

/** What the byline readers collect while walking the body. */
type Bylines = { authors: Author[]; credits: Credit[]; dateline: string | null; place: string | null };

/** The outcome of reading one paragraph for bylines: the text to keep (null drops the paragraph). */
type ParagraphReading = BylineReading & { keep: string | null; dateline?: string; place?: string | null };

const SPACE_CLASS = "[\\s\\u00a0\\u3000]";

/** Column tags that are really qualifiers of the title, not columns. */
const TITLE_QUALIFIERS = /^(?:试行|草案|.*征求意见稿|摘要|节选|全文|上|中|下|续|[一二三四五六七八九十]+|\d+)$/u;
const CAPTION_START = /^(?:图[①-⑳\d一二三四五六七八九十]*[：:]|[①-⑳][：:]|图为|上图|下图|左图|右图|中图|图片说明)/u;
const SENTENCE_END = /[。！？!?；;，,、…”」』）)：:]$/u;
/** A headline-less photo item has little text; longer items with a photo credit are articles. */
const MAX_PHOTO_TEXT = 400;
const MAX_SUBHEAD_LENGTH = 25;

export function parseRmrbArticle(text: string, context: RmrbContext): ParsedArticle {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const kicker = squash(lines[0] ?? "") || null;
  const headline = splitColumnTag(squash(lines[1] ?? ""));
  const subtitle = squash(lines[2] ?? "") || null;
  const bylines: Bylines = { authors: [], credits: [], dateline: null, place: null };
  const kept = readBody(lines.slice(3), bylines);
  const signedByTag = headline.column ? readInstitutionalPenName(headline.column) : null;
  if (signedByTag) bylines.authors.unshift(...signedByTag.authors);
  const authors = dedupeAuthors(bylines.authors);
  const kind = isPhotoItem(kept, authors, bylines.dateline) ? "photo" : "article";
  const title = headline.title || deriveTitle(subtitle, kicker, kept, context.sourceFile);
  return {
    kind,
    source: context.source,
    sourceFile: context.sourceFile,
    ordinal: 0,
    sourceKey: readPathStem(context.sourceFile),
    date: context.date,
    dateSource: context.dateSource,
    page: context.page,
    column: headline.column,
    kicker,
    title,
    titleDerived: headline.title === "",
    subtitle,
    authors,
    credits: dedupeCredits(bylines.credits),
    dateline: bylines.dateline,
    place: bylines.place,
    blocks: toBlocks(kept, kind),
  };
}

/** Walks the paragraphs, moving bylines into `bylines` and returning the paragraphs that stay. */
function readBody(bodyLines: readonly string[], bylines: Bylines): Paragraph[] {
  const kept: Paragraph[] = [];
  const paragraphs = readParagraphs(bodyLines);
  const nameLines = findAuthorNameLines(paragraphs);
  for (const [index, paragraph] of paragraphs.entries()) {
    const reading = nameLines.has(index) ? { ...readAuthorNameLine(paragraph.text), keep: null } : readBylineParagraph(paragraph);
    if (!reading) {
      kept.push(paragraph);
      continue;
    }
    bylines.authors.push(...reading.authors);
    bylines.credits.push(...reading.credits);
    if (reading.dateline && !bylines.dateline) {
      bylines.dateline = reading.dateline;
      bylines.place = reading.place ?? null;
    }
    const previous = kept.at(-1);
    if (reading.keep !== null) kept.push({ ...paragraph, text: reading.keep });
    else if (paragraph.endsSection && previous) previous.endsSection = true;
  }
  return kept;
}

/**
 * Opinion pieces print the author's name on its own line above the text and close with
 * （作者为…）. Returns the indices of such name lines: a bare name among the first two
 * paragraphs of an item that ends with an author note.
 */
function findAuthorNameLines(paragraphs: readonly Paragraph[]): Set<number> {
  const found = new Set<number>();
  let start = 0;
  paragraphs.forEach((paragraph, end) => {
    if (!paragraph.endsSection) return;
    const item = paragraphs.slice(start, end + 1);
    if (item.some((candidate) => isAuthorNote(candidate.text))) {
      // Under a subhead the name is the second line; only then is the first line not the name.
      const nameIndex = [start + 1, start].find((index) => index < end && isAuthorNameLine(paragraphs[index]?.text ?? ""));
      if (nameIndex !== undefined) found.add(nameIndex);
    }
    start = end + 1;
  });
  return found;
}

const EDGE_SPACES = new RegExp(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`, "gu");
/** Two or more spaces after the end of a sentence: where a photo credit may follow a caption. */
const SENTENCE_GAP = new RegExp(`(?<=[。！？”）)])${SPACE_CLASS}{2,}`, "gu");

/** Paragraph texts without indentation; blank lines mark the end of an item (several short items share a file). */
function readParagraphs(bodyLines: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of bodyLines) {
    const text = line.replace(EDGE_SPACES, "");
    if (text === "") {
      const last = paragraphs.at(-1);
      if (last) last.endsSection = true;
      continue;
    }
    for (const part of splitTrailingPhotoCredit(text)) paragraphs.push({ text: part, endsSection: false });
  }
  const last = paragraphs.at(-1);
  if (last) last.endsSection = true;
  return paragraphs;
}

/** A caption and its photo credit are sometimes printed on one line, separated by a run of spaces. */
function splitTrailingPhotoCredit(text: string): string[] {
  for (const match of text.matchAll(SENTENCE_GAP)) {
    const tail = text.slice((match.index ?? 0) + match[0].length);
    if (tail.length <= 40 && readPhotoCredit(tail)) return [text.slice(0, match.index), tail];
  }
  return [text];
}

/** Reads a paragraph as a byline or credit line; null when it is ordinary text. */
function readBylineParagraph(paragraph: Paragraph): ParagraphReading | null {
  const leading = readLeadingDateline(paragraph.text);
  if (leading) return leading;
  const reading = readTypesetByline(paragraph.text, { endsItem: paragraph.endsSection });
  if (!reading) return null;
  const { closingDateline, ...named } = reading;
  // A closing dateline stays in the text, as printed searchable words; its reporters leave it.
  if (!closingDateline) return { ...named, keep: null };
  return { ...named, keep: `（${closingDateline.printed}）`, dateline: closingDateline.printed, place: closingDateline.place };
}

/** 本报北京2月21日电 （记者王昊男）正文… → keeps "本报北京2月21日电 正文…", reporters become authors. */
function readLeadingDateline(text: string): ParagraphReading | null {
  const dateline = matchDateline(text);
  if (!dateline) return null;
  const { printed, place, opening } = dateline;
  const authors = opening ? readCreditPhrase(opening.words, null) : null;
  if (!opening || !authors) return { keep: text, authors: [], credits: [], dateline: printed, place };
  const body = text.slice(printed.length + opening.text.length);
  return { keep: `${printed}${opening.spaceBefore || " "}${body}`.trimEnd(), authors, credits: [], dateline: printed, place };
}

type Headline = { title: string; column: string | null };

/** 标题（环球走笔） → title 标题, column 环球走笔; a tag that qualifies the title (（试行）, （上）) stays in it. */
export function splitColumnTag(headline: string): Headline {
  const trimmed = headline.trim();
  const last = trimmed.at(-1);
  if (last !== "）" && last !== ")") return { title: trimmed, column: null };
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const char = trimmed[i];
    if (char === "）" || char === ")") depth++;
    else if (char === "（" || char === "(") depth--;
    if (depth !== 0) continue;
    const column = trimmed.slice(i + 1, -1).trim();
    const title = trimmed.slice(0, i).trim();
    if (title === "" || column === "" || TITLE_QUALIFIERS.test(column)) break;
    return { title, column };
  }
  return { title: trimmed, column: null };
}

function isPhotoItem(kept: readonly Paragraph[], authors: readonly Author[], dateline: string | null): boolean {
  if (authors.length === 0 || dateline || !authors.every((author) => author.role === "摄影")) return false;
  const length = kept.reduce((sum, paragraph) => sum + paragraph.text.length, 0);
  return kept.length > 0 && kept.length <= 3 && length <= MAX_PHOTO_TEXT;
}

function toBlocks(paragraphs: readonly Paragraph[], kind: ParsedArticle["kind"]): ArticleBlock[] {
  return paragraphs.map((paragraph, index) => {
    if (kind === "photo" || CAPTION_START.test(paragraph.text)) return { kind: "caption", text: paragraph.text };
    return isSubhead(paragraphs, index) ? { kind: "subhead", text: paragraph.text } : { kind: "paragraph", text: paragraph.text };
  });
}

/** A short unpunctuated line followed by more text in the same item reads as a subhead. */
function isSubhead(paragraphs: readonly Paragraph[], index: number): boolean {
  const paragraph = paragraphs[index];
  if (!paragraph || paragraph.endsSection || index === paragraphs.length - 1) return false;
  const text = paragraph.text;
  return [...text].length <= MAX_SUBHEAD_LENGTH && !SENTENCE_END.test(text) && !/^\d+$/u.test(text);
}

function deriveTitle(subtitle: string | null, kicker: string | null, kept: readonly Paragraph[], sourceFile: string): string {
  const candidate = subtitle?.replace(/^——/u, "") || kicker?.replace(/——$/u, "") || firstSentence(kept[0]?.text ?? "");
  return candidate || readPathStem(sourceFile);
}

function firstSentence(text: string): string {
  const sentence = /^[^。！？!?]{1,40}/u.exec(text)?.[0] ?? "";
  return sentence.trim();
}

function readPathStem(sourceFile: string): string {
  const name = sourceFile.split(/[\\/]/u).at(-1) ?? sourceFile;
  return name.replace(/\.[^.]+$/u, "");
}

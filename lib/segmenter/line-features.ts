import { DATELINE } from "@/lib/byline/dateline";
import { parseBylineLine, splitTrailingByline } from "@/lib/byline/trailing-byline";
import { cutDictionaryWords } from "@/lib/segment/jieba";
import { measureJoin, type JoinStrength } from "./dictionary-join";
import { isTableRow, type PageLine } from "./page-lines";

/**
 * The features of each line of a page, as strings (a linear model gives each a weight per
 * label). They describe the line itself (length, how it ends and starts, punctuation, dateline
 * and byline shapes from the byline grammar), its neighbours, and whether it continues a
 * sentence cut on an earlier line (a dictionary word across the join). Nothing here knows any
 * one paper's layout: what matters is learned from labelled pages of many layouts.
 */

/** Texts are normalised (NFKC): full-width ，：；（）！？ arrive as , : ; ( ) ! ?. */
const SENTENCE_STOP = /[。!?…][”’"'」』)]*$/u;
const OPEN_CHARS = /[(“‘《【「『〔[]/gu;
const CLOSE_CHARS = /[)”’》】」』〕\]]/gu;
const CONTINUATION_START = /^[,。.、;:!?)】》〉」』”’]/u;
const DATE_LINE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/u;
const PHOTO_CREDIT = /(?:摄|摄影|摄影报道|供图|图片)(?:\([^()]*\))?$/u;
const CREDIT_LABEL = /^(?:本版|本期)?(?:版式设计|版面设计|美术编辑|美编|制图|插图|漫画|统筹|策划|责编|责任编辑|编辑|设计|图片来源|数据来源|资料来源)[:：]/u;
const CAPTION_START = /^(?:图[①-⑳\d一二三四五六七八九十]*[:：]|[①-⑳]|图为|上图|下图|左图|右图|图片说明)/u;
const FURNITURE = /星期[一二三四五六日天]|^第[\d一二三四五六七八九十]+版|^\d{4}年\d{1,2}月\d{1,2}日星期/u;
const SERIES = /系列报道|之[一二三四五六七八九十]+$|^——|^—|^--/u;
/** A news lead names its time early: 国家主席习近平10月3日致电…, 记者从…获悉, 近日，… */
const NEWS_LEAD = /^.{0,24}?(?:\d{1,2}月\d{1,2}日|\d{1,2}日(?:上午|下午|晚|电|,|在|表示|举行|召开)|近日|日前|今天|昨天|今年以来|记者.{0,12}?(?:获悉|了解到|从))/u;
/** How far back a cut sentence may wait for its continuation when another item's block broke in. */
const RESUME_WINDOW = 24;

export type LineObservations = {
  /** Features of the line alone; neighbours reuse a subset of them. */
  own: string[];
  ends: string;
  length: string;
  headlineShaped: boolean;
  cut: boolean;
};

/** Join strengths between pairs of lines of one page, computed once (the resume search asks often). */
type JoinTable = (from: number, to: number) => JoinStrength;

export function extractPageFeatures(lines: readonly PageLine[]): string[][] {
  const observed = lines.map(observeLine);
  const cache = new Map<number, JoinStrength>();
  const join: JoinTable = (from, to) => {
    const key = from * 100_000 + to;
    let strength = cache.get(key);
    if (strength === undefined) cache.set(key, (strength = measureJoin(lines[from]!.norm, lines[to]!.norm)));
    return strength;
  };
  const habits = readPageHabits(observed);
  const words = lines.map((line) => collectContentWords(line.norm));
  return lines.map((_, i) => [...composeFeatures(lines, observed, i, join), ...combineWithHabits(observed, i, habits), ...describeTopicShift(words, observed, i)]);
}

/**
 * Whether the text from this line on is about what the lines before were about: the share of
 * its dictionary words (two characters or more) that the previous lines used. Measured for the
 * line itself with the line after it, and for the line after alone (a headline is short; the
 * paragraph under it says more).
 */
function describeTopicShift(words: readonly Set<string>[], observed: readonly LineObservations[], i: number): string[] {
  const before = new Set<string>();
  for (let at = Math.max(0, i - TOPIC_WINDOW); at < i; at++) for (const word of words[at]!) before.add(word);
  if (before.size === 0) return ["topic=none"];
  const share = (at: number, to: number) => {
    const after = new Set<string>();
    for (let k = at; k < Math.min(words.length, to); k++) for (const word of words[k]!) after.add(word);
    if (after.size === 0) return "none";
    let shared = 0;
    for (const word of after) if (before.has(word)) shared++;
    const ratio = shared / after.size;
    return ratio < 0.05 ? "0" : ratio < 0.1 ? "1" : ratio < 0.18 ? "2" : ratio < 0.3 ? "3" : "4";
  };
  const here = share(i, i + 2);
  const next = share(i + 1, i + 2);
  const shape = observed[i]!.headlineShaped ? "hs" : "text";
  return [`topic=${here}`, `topicNext=${next}`, `topic|shape=${here}|${shape}`, `topicNext|shape=${next}|${shape}`];
}

const TOPIC_WINDOW = 6;
const CONTENT_WORD = /^\p{Script=Han}{2,}$/u;

function collectContentWords(norm: string): Set<string> {
  return new Set(cutDictionaryWords(norm.slice(0, TOPIC_CHARS)).filter((word) => CONTENT_WORD.test(word)));
}

const TOPIC_CHARS = 400;

/**
 * How this page marks its items, counted over all its lines: datelines, byline lines (closing
 * signatures or pen names under headlines), bylines after a last sentence. Items on one page
 * share a layout, so a headline-shaped line reads differently on a page whose items all close
 * with a byline (after a paragraph it is then a subhead) than on one where datelines open them.
 */
type PageHabits = { datelines: string; bylineLines: string; trailing: string };

function readPageHabits(observed: readonly LineObservations[]): PageHabits {
  const count = (feature: string) => observed.filter((line) => line.own.includes(feature)).length;
  const bucket = (n: number) => (n === 0 ? "0" : n <= 2 ? "1-2" : "3+");
  return {
    datelines: bucket(count("dateline")),
    bylineLines: bucket(count("bylineStrict") + count("bylinePen")),
    trailing: bucket(count("trailingByline") + count("trailingPen")),
  };
}

function combineWithHabits(observed: readonly LineObservations[], i: number, habits: PageHabits): string[] {
  const here = observed[i]!;
  const previous = observed[i - 1];
  const next = observed[i + 1];
  const has = (line: LineObservations | undefined, ...features: string[]) => line !== undefined && features.some((feature) => line.own.includes(feature));
  const closedBefore = has(previous, "bylineStrict", "bylinePen", "trailingByline", "trailingPen", "photoCredit");
  const shape = here.headlineShaped ? "hs" : here.cut ? "cut" : "text";
  return [
    `habit|dateline|shape|ndate=${habits.datelines}|${shape}|${has(next, "dateline")}`,
    `habit|byline|shape|npen=${habits.bylineLines}|${shape}|${has(next, "bylinePen", "bylineStrict")}`,
    `habit|byline|shape|closed=${habits.bylineLines}|${habits.trailing}|${shape}|${closedBefore}`,
    `habit|all|shape=${habits.datelines}|${habits.bylineLines}|${habits.trailing}|${shape}`,
  ];
}

function composeFeatures(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, join: JoinTable): string[] {
  const here = observed[i]!;
  const previous = observed[i - 1];
  const next = observed[i + 1];
  const features = ["bias", ...here.own];
  if (i === 0) features.push("firstLine");
  if (i === lines.length - 1) features.push("lastLine");
  features.push(`blankBefore=${Math.min(lines[i]!.blankBefore, 2)}`, `blankAfter=${Math.min(lines[i]!.blankAfter, 2)}`);
  for (const [prefix, other] of [["p", previous], ["n", next]] as const) {
    if (!other) {
      features.push(`${prefix}:none`);
      continue;
    }
    features.push(`${prefix}:end=${other.ends}`, `${prefix}:len=${other.length}`);
    for (const feature of other.own) if (CONTEXT_FEATURES.has(feature)) features.push(`${prefix}:${feature}`);
  }
  const beforePrevious = observed[i - 2];
  if (beforePrevious) features.push(`pp:end=${beforePrevious.ends}`, `pp:hs=${beforePrevious.headlineShaped}`);
  features.push(`end|nlen=${here.ends}|${next?.length ?? "none"}`, `pend|len=${previous?.ends ?? "none"}|${here.length}`);
  features.push(`hs|phs|nhs=${here.headlineShaped}|${previous?.headlineShaped ?? "none"}|${next?.headlineShaped ?? "none"}`);
  const line = lines[i]!;
  if (previous) {
    const joins = join(i - 1, i);
    features.push(`join=${joins}`, `pcut|join=${previous.cut}|${joins}`, `pcut|first=${previous.cut}|${startClass(line.norm)}`);
    if (previous.cut && joins < 2 && findLaterJoin(lines, observed, i, join)) features.push(`interruptAhead|join=${joins}`);
  }
  const cohesion = measureCohesion(lines, i);
  features.push(`coh=${cohesion}`, `coh|hs=${cohesion}|${here.headlineShaped}`, `coh|pend=${cohesion}|${previous?.ends ?? "none"}`);
  const resumable = findResumableLine(lines, observed, i, join);
  if (resumable !== null) {
    const closer = compareContext(lines, resumable.line, i);
    const recent = i > 0 ? join(i - 1, i) : 0;
    features.push(
      `resume=${resumable.strength}`,
      `resume|pjoin=${resumable.strength}|${recent}`,
      `resume|pcut|pjoin=${resumable.strength}|${previous?.cut ?? false}|${recent}`,
      `resume|coh=${resumable.strength}|${closer}`,
      `resume|coh|pjoin=${resumable.strength > recent}|${closer}`,
    );
  }
  return features;
}

/**
 * How much the text from this line on shares with the text before it (TextTiling): the share of
 * Han character pairs of the next lines that also occur in the lines before. A new article
 * starts a new subject; a subhead or a paragraph goes on with the one before.
 */
function measureCohesion(lines: readonly PageLine[], i: number): string {
  const before = collectPairs(lines, Math.max(0, i - COHESION_LINES), i);
  const after = collectPairs(lines, i, Math.min(lines.length, i + COHESION_LINES));
  if (before.size === 0 || after.size === 0) return "none";
  let shared = 0;
  for (const pair of after) if (before.has(pair)) shared++;
  const share = shared / Math.min(before.size, after.size);
  return share < 0.04 ? "0" : share < 0.08 ? "1" : share < 0.14 ? "2" : share < 0.22 ? "3" : "4";
}

const COHESION_LINES = 3;
const COHESION_CHARS = 240;

function collectPairs(lines: readonly PageLine[], from: number, to: number): Set<string> {
  const pairs = new Set<string>();
  for (let at = from; at < to; at++) {
    const text = lines[at]!.norm.slice(0, COHESION_CHARS);
    for (let k = 0; k + 1 < text.length; k++) {
      const pair = text.slice(k, k + 2);
      if (HAN_PAIR.test(pair)) pairs.add(pair);
    }
  }
  return pairs;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/** Features of a neighbour that say most about a line's role. */
const CONTEXT_FEATURES: ReadonlySet<string> = new Set([
  "dateline", "bylineStrict", "bylinePen", "tab", "dashStart", "parenWhole", "bracketWhole", "dateOnly",
  "photoCredit", "creditLabel", "captionStart", "hs", "furniture", "trailingByline", "series",
]);

/**
 * An earlier line (not the one right before) whose sentence was cut and is continued by this
 * line through a dictionary word, while the line after it did not continue it: the mark of
 * interleaved columns, where another item's block broke into a sentence.
 */
function findResumableLine(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, join: JoinTable): { line: number; strength: JoinStrength } | null {
  let best: { line: number; strength: JoinStrength } | null = null;
  for (let j = i - 2; j >= Math.max(0, i - RESUME_WINDOW); j--) {
    if (!observed[j]!.cut) continue;
    if (join(j, j + 1) >= 2 || CONTINUATION_START.test(lines[j + 1]!.norm)) continue;
    const strength = join(j, i);
    if (!best || strength > best.strength) best = { line: j, strength };
    if (strength === 3) break;
  }
  return best;
}

/**
 * Whether a later line continues the cut sentence of the line before `i` (a dictionary word
 * across the join): then line `i` is likely another item's block breaking in.
 */
function findLaterJoin(lines: readonly PageLine[], observed: readonly LineObservations[], i: number, join: JoinTable): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + RESUME_WINDOW); k++) {
    if (observed[k - 1]!.cut && join(i - 1, k) >= 2 && join(k - 1, k) < 2) return true;
  }
  return false;
}

/**
 * Whether the text from line `i` on reads more like the text around an earlier cut line `j`
 * than like the lines right before `i`: the resumed column shares its subject.
 */
function compareContext(lines: readonly PageLine[], j: number, i: number): string {
  const here = collectPairs(lines, i, Math.min(lines.length, i + 2));
  const earlier = collectPairs(lines, Math.max(0, j - 2), j + 1);
  const recent = collectPairs(lines, Math.max(j + 1, i - 2), i);
  const share = (other: Set<string>) => {
    let shared = 0;
    for (const pair of here) if (other.has(pair)) shared++;
    return other.size === 0 || here.size === 0 ? 0 : shared / Math.min(other.size, here.size);
  };
  const a = share(earlier);
  const b = share(recent);
  return a > b * 1.5 + 0.02 ? "earlier" : b > a * 1.5 + 0.02 ? "recent" : "even";
}

export function observeLine(line: PageLine): LineObservations {
  const norm = line.norm;
  const chars = [...norm];
  const length = bucketLength(chars.length);
  const ends = endClass(norm);
  const stops = countMatches(norm, /[。!?]/gu);
  const commas = countMatches(norm, /[,、]/gu);
  const headlineShaped = chars.length <= 40 && stops === 0 && !/[,;]/u.test(norm) && !/[:、]$/u.test(norm);
  const cut = !SENTENCE_STOP.test(norm) && !headlineShaped && !isTableRow(line);
  const own = [
    `len=${length}`,
    `end=${ends}`,
    `start=${startClass(norm)}`,
    `stops=${Math.min(stops, 3)}`,
    `commas=${Math.min(commas, 3)}`,
    `first=${chars[0] ?? ""}`,
    `first2=${chars.slice(0, 2).join("")}`,
    `last=${chars.at(-1) ?? ""}`,
    `last2=${chars.slice(-2).join("")}`,
    `digits=${bucketShare(countMatches(norm, /\d/gu), chars.length)}`,
  ];
  if (headlineShaped) own.push("hs");
  if (cut) own.push("cut");
  if (/\S\s+\S/u.test(line.text) && !isTableRow(line)) own.push("innerSpace");
  if (isTableRow(line)) own.push("tab");
  if (DATELINE.test(norm)) own.push("dateline");
  if (/^(?:本台消息|据新华社|新华社消息|据央视)/u.test(norm)) own.push("agencyOpening");
  if (parseBylineLine(line.text)) own.push("bylineStrict");
  else if (parseBylineLine(line.text, { penNames: true })) own.push("bylinePen");
  if (splitTrailingByline(line.text)) own.push("trailingByline");
  else if (splitTrailingByline(line.text, { penNames: true })) own.push("trailingPen");
  if (/^(?:——|—|--)/u.test(norm)) own.push("dashStart");
  if (/(?:——|—|--)$/u.test(norm)) own.push("dashEnd");
  if (SERIES.test(norm)) own.push("series");
  if (/^\([^()]*\)$/u.test(norm)) own.push("parenWhole");
  if (/^【[^【】]*】/u.test(norm)) own.push(/^【[^【】]*】$/u.test(norm) ? "bracketWhole" : "bracketStart");
  if (countMatches(norm, OPEN_CHARS) > countMatches(norm, CLOSE_CHARS)) own.push("unclosed");
  if (DATE_LINE.test(norm)) own.push("dateOnly");
  if (chars.length <= 40 && PHOTO_CREDIT.test(norm)) own.push("photoCredit");
  if (CREDIT_LABEL.test(norm)) own.push("creditLabel");
  if (CAPTION_START.test(norm)) own.push("captionStart");
  if (FURNITURE.test(norm)) own.push("furniture");
  if (CONTINUATION_START.test(norm)) own.push("contStart");
  if (/[:：]$/u.test(norm) && chars.length <= 16) own.push("salutation");
  if (NEWS_LEAD.test(norm)) own.push("newsLead");
  return { own, ends, length, headlineShaped, cut };
}

function bucketLength(length: number): string {
  const edges = [1, 2, 3, 5, 8, 11, 15, 20, 26, 33, 40, 50, 70, 100, 160];
  const edge = edges.find((limit) => length <= limit);
  return edge === undefined ? ">160" : `<=${edge}`;
}

function bucketShare(count: number, total: number): string {
  if (total === 0 || count === 0) return "0";
  const share = count / total;
  return share < 0.1 ? "low" : share < 0.3 ? "mid" : "high";
}

function endClass(norm: string): string {
  if (SENTENCE_STOP.test(norm)) return /[”’"'」』)]$/u.test(norm) ? "stopClose" : "stop";
  const last = norm.at(-1) ?? "";
  if (last === ",") return "comma";
  if (last === "、") return "dun";
  if (last === ":") return "colon";
  if (last === ";") return "semi";
  if (/[”’」』]/u.test(last)) return "closeQuote";
  if (last === ")") return "paren";
  if (last === "】") return "bracket";
  if (/[—-]/u.test(last)) return "dash";
  if (/\d/u.test(last)) return "digit";
  if (/[a-z]/u.test(last)) return "latin";
  if (/\p{Script=Han}/u.test(last)) return "han";
  return "other";
}

function startClass(norm: string): string {
  const first = norm.charAt(0);
  if (CONTINUATION_START.test(first)) return "contPunct";
  if (/[“‘「『]/u.test(first)) return "openQuote";
  if (first === "(") return "paren";
  if (first === "【") return "bracket";
  if (/\d/u.test(first)) return "digit";
  if (/[a-z]/u.test(first)) return "latin";
  if (/\p{Script=Han}/u.test(first)) return "han";
  return "other";
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

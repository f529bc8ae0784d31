import { parseBylineLine, splitTrailingByline } from "@/lib/byline/trailing-byline";
import { isTableRow, type PageLine } from "./page-lines";

/**
 * What one line shows by itself (length, how it starts and ends, punctuation, dateline and byline
 * shapes from the byline grammar): its own features, which its neighbours reuse in part.
 */

/** Texts are normalised (NFKC): full-width ，：；（）！？ arrive as , : ; ( ) ! ?. */
export const SENTENCE_STOP = /[。!?…][”’"'」』)]*$/u;
const OPEN_CHARS = /[(“‘《【「『〔[]/gu;
const CLOSE_CHARS = /[)”’》】」』〕\]]/gu;
export const CONTINUATION_START = /^[,。.、;:!?)】》〉」』”’]/u;
const DATE_LINE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/u;
const PHOTO_CREDIT = /(?:摄|摄影|摄影报道|供图|图片)(?:\([^()]*\))?$/u;
const CREDIT_LABEL = /^(?:本版|本期)?(?:版式设计|版面设计|美术编辑|美编|制图|插图|漫画|统筹|策划|责编|责任编辑|编辑|设计|图片来源|数据来源|资料来源)[:：]/u;
const CAPTION_START = /^(?:图[①-⑳\d一二三四五六七八九十]*[:：]|[①-⑳]|图为|上图|下图|左图|右图|图片说明)/u;
const FURNITURE = /星期[一二三四五六日天]|^第[\d一二三四五六七八九十]+版|^\d{4}年\d{1,2}月\d{1,2}日星期/u;
const SERIES = /系列报道|之[一二三四五六七八九十]+$|^——|^—|^--/u;
/** A news lead names its time early: 国家主席习近平10月3日致电…, 记者从…获悉, 近日，… */
const NEWS_LEAD = /^.{0,24}?(?:\d{1,2}月\d{1,2}日|\d{1,2}日(?:上午|下午|晚|电|,|在|表示|举行|召开)|近日|日前|今天|昨天|今年以来|记者.{0,12}?(?:获悉|了解到|从))/u;
export type LineObservations = {
  /** Features of the line alone; neighbours reuse a subset of them. */
  own: string[];
  ends: string;
  length: string;
  headlineShaped: boolean;
  cut: boolean;
};

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
  if (line.opensReport) own.push("dateline");
  if (/^(?:本台消息|据新华社|新华社消息|据央视)/u.test(norm)) own.push("agencyOpening");
  // Whatever the strict grammar accepts, the pen-name one does too: ask the wider one first, and
  // the strict one only when that found something (most lines are neither).
  if (parseBylineLine(line.text, { penNames: true })) own.push(parseBylineLine(line.text) ? "bylineStrict" : "bylinePen");
  if (splitTrailingByline(line.text, { penNames: true })) own.push(splitTrailingByline(line.text) ? "trailingByline" : "trailingPen");
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

export function startClass(norm: string): string {
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

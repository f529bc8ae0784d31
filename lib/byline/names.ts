import { PRINTED_ROLE_WORDS } from "@/lib/article/roles";
import { startsWithCompoundSurname, startsWithSurname } from "./surnames";

/**
 * What a personal name in a byline looks like. Two strictnesses share the same vocabulary:
 * - `isPersonName` (2–4 Han characters) for OCR text, where a false byline ends an article early;
 * - `isListedName` (2–6 Han characters) for names in a list the layout already marks as a byline
 *   (本报记者 … , 版式设计：…), where long transliterations such as 阿尔达克 and 6-character
 *   ethnic names are printed.
 */

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const LISTED_NAME = /^\p{Script=Han}{2,6}$/u;
/** A pen name or a name with an unlisted surname: shorter than the longest names, to keep out four-character set phrases. */
const PEN_NAME = /^\p{Script=Han}{2,3}$/u;
/** Transliterated names, e.g. 阿依古丽·买买提; papers and OCR print the dot in several ways. */
const DOTTED_NAME = /^\p{Script=Han}{1,8}(?:[·・•‧．]\p{Script=Han}{1,8})+$/u;
const MAX_DOTTED_NAME_CHARS = 16;

/**
 * Words that look like names by shape but are editorial notes, byline words or sources: the OCR
 * reader's parenthesised notes (（待续）（编后）) and the rmrb reader's byline-position words
 * (记者手记's 手记, 感言, 综述), one set since neither is ever a person.
 */
const NON_NAMES: ReadonlySet<string> = new Set([
  "待续", "未完", "未完待续", "续完", "下同", "同上", "综合", "摘编", "编者", "编者按", "编后", "编后记",
  "图片", "资料图", "供图", "附图", "特稿", "专稿", "全文", "原文", "节选", "有删节", "时评", "短评",
  "快评", "点评", "链接", "相关链接", "背景", "资料", "全文完", "图文", "题图", "插图", "漫画", "完",
  "手记", "感言", "观察", "调查", "随笔", "札记", "述评", "来信", "连线", "采访", "探访", "走访", "笔记",
  "本报", "综述", "评论",
]);

/** Picture agencies and sources printed where a photographer's name would be: never people. */
export const PICTURE_AGENCIES: ReadonlySet<string> = new Set([
  "人民视觉", "影像中国", "视觉中国", "新华社发", "新华社", "资料图片", "本报资料图片", "中新社发",
]);

/** Starts of parenthesised notes: （据新华社）（下转第二版）（以下简称…）（本报综合）（新华社电）. */
const NON_NAME_START = /^(?:据|转|接|见|详|注|上接|下转|以下|以上|本报|来源|新华社|中新社|人民日报|央视)/u;
/** Byline and credit words glued to a name (程焕整理, 相关报道见第四版, 新华社电): the word is not a name. */
const CREDIT_WORDS = /记者|通讯员|编辑|本报|新华社|评论员|摄影|报道|整理|采写|设计|制图|来源|供图|统筹|责编|编者|图表|注释|要求|化名|见第|电$|版$/u;

/** 2–4 Han characters (or a dotted transliteration) that are not an editorial word or a glued role. */
export function isPersonName(word: string): boolean {
  return (HAN_NAME.test(word) || isDottedName(word)) && !isNonName(word);
}

/** A name in a list that the layout marks as a byline: 2–6 Han characters or a dotted transliteration. */
export function isListedName(word: string): boolean {
  return (LISTED_NAME.test(word) || isDottedName(word)) && !isNonName(word);
}

/** Two or three Han characters: the shape of a pen name (羽生, 画间语) or of a name with an unlisted surname (丛坤). */
export function hasPenNameShape(word: string): boolean {
  return PEN_NAME.test(word) && !isNonName(word);
}

/** A name with a known surname: two or three characters, or four after a compound surname. */
export function hasChineseSurname(name: string): boolean {
  if (!HAN_NAME.test(name)) return false;
  const length = [...name].length;
  if (startsWithCompoundSurname(name)) return length >= 3;
  return length <= 3 && startsWithSurname(name);
}

function isDottedName(word: string): boolean {
  return DOTTED_NAME.test(word) && [...word].length <= MAX_DOTTED_NAME_CHARS;
}

function isNonName(word: string): boolean {
  return (
    NON_NAMES.has(word) ||
    PICTURE_AGENCIES.has(word) ||
    NON_NAME_START.test(word) ||
    CREDIT_WORDS.test(word) ||
    startsWithRoleWord(word)
  );
}

function startsWithRoleWord(word: string): boolean {
  return PRINTED_ROLE_WORDS.some((roleWord) => roleWord.length > 1 && word.startsWith(roleWord));
}

import { normalizeRole, PRINTED_ROLE_WORDS } from "@/lib/article/roles";
import type { Author, AuthorRole } from "@/lib/article/types";

/**
 * Bylines printed at the end of OCR'd newspaper articles:
 *
 *   （何宝国）  (李静)  （赵静茹、邢雪丽）          parenthesised names, roles optional
 *   见习记者 孙佳敏 通讯员 孟涛 文/摄           role words before the names they qualify
 *   李学军 杨晓勇 摄影报道                      photo words after the names they qualify
 *
 * The parser is deliberately strict — every token must be a role word, a 文/摄-style
 * marker or a 2–4 character Han name — because a false byline ends an article early,
 * which costs more than a missed one (that only leaves the byline text in the body).
 */

/**
 * `penNames`: also take parenthesised names whose surname is not on the list (pen names such as
 * 羽生 and 实思, rare surnames such as 丛, names without a surname such as 扎西) — two or three Han
 * characters. Column tags (（暖相册）（说道）) have the same shape, so callers ask for this only
 * where the parenthesis is known to end an article (see `ocr-page.ts`).
 */
export type BylineOptions = { penNames?: boolean };

export type PrintedByline = {
  /** The byline exactly as printed, e.g. `(李静)` or `见习记者 孙佳敏 通讯员 孟涛 文/摄`. */
  printed: string;
  authors: Author[];
};

/** Photo words follow the names they credit (张三 摄); every other role word precedes them. Longest first. */
const PHOTO_ROLE_WORDS: ReadonlySet<string> = new Set(["摄影报道", "摄影", "摄"]);

/** Markers such as 文/摄 (wrote and photographed): they add no role, the writer keeps the printed one. */
const WORK_MARKER = /^(?:文|图|摄)(?:[/／](?:文|图|摄))+$/u;

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
/** A pen name or a name with an unlisted surname: shorter than the longest names, to keep out four-character set phrases. */
const PEN_NAME = /^\p{Script=Han}{2,3}$/u;
/** Transliterated names, e.g. 阿依古丽·买买提. */
const DOTTED_NAME = /^\p{Script=Han}{1,8}(?:[·・•‧]\p{Script=Han}{1,8})+$/u;
const MAX_DOTTED_NAME_CHARS = 16;

/** Parenthesised words that look like names by shape but are editorial notes. */
const NON_NAMES: ReadonlySet<string> = new Set([
  "待续", "未完", "未完待续", "续完", "下同", "同上", "综合", "摘编", "编者", "编者按", "编后", "编后记",
  "图片", "资料图", "供图", "附图", "特稿", "专稿", "全文", "原文", "节选", "有删节", "时评", "短评",
  "快评", "点评", "链接", "相关链接", "背景", "资料", "全文完", "图文", "题图", "插图", "漫画",
]);
/** Starts of parenthesised notes: （据新华社）（下转第二版）（以下简称…）（本报综合）（新华社电）. */
const NON_NAME_START = /^(?:据|转|接|见|详|注|上接|下转|以下|以上|本报|来源|新华社|中新社|人民日报|央视)/u;

/**
 * Surnames (百家姓 and common modern ones). Names are checked against them only where nothing
 * else says "byline": in parentheses without a role word, where column tags such as
 * （美丽中国）（暖相册）（一方有难 八方支援） have the same shape as names.
 */
const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎" +
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平" +
    "黄和穆萧肖尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童" +
    "颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔" +
    "吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰" +
    "秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴" +
    "胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹" +
    "习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾" +
    "辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况琴商牟佘" +
    "佴墨哈谯笪年爱阳佟言福付覃揭练鲜麦粟庹谌银才代户母战智操豆仝冼植力门信菅伞修来旷兰禤隋邝",
);
const COMPOUND_SURNAMES: readonly string[] = [
  "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟", "公羊", "澹台",
  "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙", "轩辕", "令狐", "钟离", "宇文",
  "长孙", "慕容", "鲜于", "闾丘", "司徒", "司空", "亓官", "司寇", "子车", "颛孙", "端木", "巫马", "公西",
  "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭", "南门", "呼延",
  "归海", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五",
];

const SENTENCE_END = /[。！？!?；;…][”’"'」』）)]*$/u;
const TRAILING_PARENS = /[(（]([^()（）]+)[)）]$/u;
const TOKEN_SEPARATORS = /[\s、，,]+/u;

type RoleToken = { role: AuthorRole; photo: boolean };
type NameToken = { name: string };
type Token = RoleToken | NameToken | { marker: true };

/** Parses a line that holds nothing but a byline; null when the line is not one. */
export function parseBylineLine(line: string, options: BylineOptions = {}): PrintedByline | null {
  const printed = line.trim();
  const parenthesised = /^[(（]([^()（）]+)[)）]$/u.exec(printed);
  const authors = parenthesised
    ? parseBylineWords(parenthesised[1] ?? "", { bare: false, penNames: options.penNames ?? false })
    : parseBylineWords(printed, { bare: true, penNames: false });
  return authors ? { printed, authors } : null;
}

/**
 * Splits a byline off the end of a paragraph (`…提升竞争力。(李静)`). The text before it must
 * end a sentence, so a parenthesis that closes a phrase (`国投晋创谷(太原)`) is never taken.
 */
export function splitTrailingByline(
  paragraph: string,
  options: BylineOptions = {},
): { text: string; byline: PrintedByline } | null {
  const trimmed = paragraph.trimEnd();
  return splitParenthesisedTail(trimmed, options.penNames ?? false) ?? splitBareTail(trimmed);
}

/** True when the text ends a sentence (。！？；… possibly followed by closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** 2–4 Han characters (or a dotted transliteration) that are not an editorial word or a glued role. */
export function isPersonName(word: string): boolean {
  if (NON_NAMES.has(word) || NON_NAME_START.test(word) || startsWithRoleWord(word)) return false;
  if (HAN_NAME.test(word)) return true;
  return DOTTED_NAME.test(word) && [...word].length <= MAX_DOTTED_NAME_CHARS;
}

/** A name with a known surname: two or three characters, or four after a compound surname. */
export function hasChineseSurname(name: string): boolean {
  if (!HAN_NAME.test(name)) return false;
  const length = [...name].length;
  if (COMPOUND_SURNAMES.some((surname) => name.startsWith(surname))) return length >= 3;
  return length <= 3 && SINGLE_SURNAMES.has(name.charAt(0));
}

function splitParenthesisedTail(paragraph: string, penNames: boolean): { text: string; byline: PrintedByline } | null {
  const match = TRAILING_PARENS.exec(paragraph);
  if (!match) return null;
  const text = paragraph.slice(0, match.index).trimEnd();
  if (!text || !endsSentence(text)) return null;
  const authors = parseBylineWords(match[1] ?? "", { bare: false, penNames });
  return authors ? { text, byline: { printed: match[0], authors } } : null;
}

function splitBareTail(paragraph: string): { text: string; byline: PrintedByline } | null {
  const lastEnd = findLastSentenceEnd(paragraph);
  if (lastEnd <= 0 || lastEnd >= paragraph.length) return null;
  const tail = paragraph.slice(lastEnd).trim();
  const authors = parseBylineWords(tail, { bare: true, penNames: false });
  return authors ? { text: paragraph.slice(0, lastEnd).trimEnd(), byline: { printed: tail, authors } } : null;
}

/** Index just past the last sentence end (including closing quotes), or -1. */
function findLastSentenceEnd(text: string): number {
  const pattern = /[。！？!?][”’"'」』）)]*/gu;
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/**
 * Parses the words of a byline into authors, or null when any word is not a role, marker or
 * name. What else must hold depends on how much the words themselves say "byline":
 * - bare (unparenthesised) words need a role word or marker, and more than one word unless it is
 *   a `…摄影报道` credit, so that ordinary short lines are never taken;
 * - parenthesised words without a role word need every name to have a known surname, or — when
 *   the caller allows pen names — to be two or three characters.
 */
function parseBylineWords(body: string, options: { bare: boolean; penNames: boolean }): Author[] | null {
  const words = body.trim().split(TOKEN_SEPARATORS).filter((word) => word.length > 0);
  const tokens: Token[] = [];
  for (const word of words) {
    const wordTokens = tokenizeBylineWord(word);
    if (!wordTokens) return null;
    tokens.push(...wordTokens);
  }
  const names = tokens.filter(isNameToken);
  const hasRole = tokens.some(isRoleToken);
  if (names.length === 0) return null;
  if (options.bare && !isConvincingBareByline(words, tokens)) return null;
  const isNameEnough = (name: string) => hasChineseSurname(name) || (options.penNames && PEN_NAME.test(name));
  if (!hasRole && !names.every((token) => isNameEnough(token.name))) return null;
  return assignRoles(tokens);
}

function isConvincingBareByline(words: readonly string[], tokens: readonly Token[]): boolean {
  if (!tokens.some((token) => !isNameToken(token))) return false;
  return words.length > 1 || (words[0] ?? "").endsWith("摄影报道");
}

/**
 * One printed word → tokens: a marker, a role, a name with a photo word glued after it
 * (严贵旺摄影报道, 张武军摄), a name, or a role glued before a name (记者王昊男) — the last only
 * with a known surname, since 记者手记 and 作者为钢琴家 have the same shape.
 */
function tokenizeBylineWord(word: string): Token[] | null {
  if (WORK_MARKER.test(word)) return [{ marker: true }];
  const role = toRoleToken(word);
  if (role) return [role];
  return splitGluedPhotoWord(word) ?? (isPersonName(word) ? [{ name: word }] : splitGluedRoleWord(word));
}

function splitGluedPhotoWord(word: string): Token[] | null {
  for (const photoWord of PHOTO_ROLE_WORDS) {
    const name = word.endsWith(photoWord) ? word.slice(0, -photoWord.length) : "";
    const role = toRoleToken(photoWord);
    if (role && isPersonName(name)) return [{ name }, role];
  }
  return null;
}

function splitGluedRoleWord(word: string): Token[] | null {
  for (const roleWord of PRINTED_ROLE_WORDS) {
    const name = word.startsWith(roleWord) ? word.slice(roleWord.length) : "";
    const role = toRoleToken(roleWord);
    if (role && isPersonName(name) && hasChineseSurname(name)) return [role, { name }];
  }
  return null;
}

function startsWithRoleWord(word: string): boolean {
  return PRINTED_ROLE_WORDS.some((roleWord) => roleWord.length > 1 && word.startsWith(roleWord));
}

function toRoleToken(word: string): RoleToken | null {
  const role = normalizeRole(word);
  return role ? { role, photo: PHOTO_ROLE_WORDS.has(word) } : null;
}

function isNameToken(token: Token): token is NameToken {
  return "name" in token;
}

function isRoleToken(token: Token): token is RoleToken {
  return "role" in token;
}

/**
 * Gives each name its role. A role word qualifies the names after it (见习记者 孙佳敏 通讯员 孟涛),
 * except that a photo word, or a role word with no name after it, qualifies the names before it
 * that have none yet (李学军 杨晓勇 摄影报道, 何鼎鼎 本报评论员). Markers (文/摄) change nothing.
 */
function assignRoles(tokens: readonly Token[]): Author[] {
  const authors: Author[] = [];
  let prefixRole: AuthorRole | null = null;
  let unqualified: Author[] = [];
  tokens.forEach((token, index) => {
    if (isNameToken(token)) {
      const author: Author = { name: token.name, role: prefixRole };
      authors.push(author);
      if (prefixRole === null) unqualified.push(author);
      return;
    }
    if (!isRoleToken(token)) return;
    const namesFollow = tokens.slice(index + 1).some(isNameToken);
    if (unqualified.length > 0 && (token.photo || !namesFollow)) {
      for (const author of unqualified) author.role = token.role;
      prefixRole = null;
    } else {
      prefixRole = token.role;
    }
    unqualified = [];
  });
  return authors;
}

import { normalizeRole } from "@/lib/article/roles";
import type { ArticleBlock, Author, AuthorRole, Credit, DateSource, ParsedArticle } from "@/lib/article/types";

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
 * the body, the dateline stays (it is part of the printed, searchable text).
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
type BylineReading = { keep: string | null; authors: Author[]; credits: Credit[]; dateline?: string; place?: string | null };

const SPACE_CLASS = "[\\s\\u00a0\\u3000]";
const SPACES = new RegExp(`${SPACE_CLASS}+`, "gu");
const HAN = "\\p{Script=Han}";

/** Column tags that are really qualifiers of the title, not columns. */
const TITLE_QUALIFIERS = /^(?:试行|草案|.*征求意见稿|摘要|节选|全文|上|中|下|续|[一二三四五六七八九十]+|\d+)$/u;
/** Institutional pen names printed as the headline's tag or as a byline line. */
const PEN_NAMES = new Set(["钟声", "和音", "仲音", "任仲平", "国纪平", "宣言", "本报评论员", "人民日报评论员"]);
/** Picture agencies and sources: never personal names. */
const AGENCIES = new Set(["人民视觉", "影像中国", "视觉中国", "新华社发", "新华社", "资料图片", "本报资料图片", "中新社发"]);
/** Two-to-six character words that look like names in a byline position but are not people. */
const NOT_NAMES = new Set([
  "点评", "手记", "感言", "观察", "调查", "随笔", "札记", "述评", "来信", "连线", "采访", "探访", "走访", "笔记",
  "图片", "资料", "供图", "完", "待续", "续完", "全文完", "特稿", "编者", "本报", "综述", "评论", "短评", "快评",
]);
const NAME_STOP_WORDS = /记者|通讯员|编辑|本报|新华社|评论员|摄影|报道|整理|采写|设计|制图|来源|供图|统筹|责编|编者|图表|注释|要求|化名|见第|电$|版$/u;

const DATELINE = new RegExp(
  `^(据)?(本报|新华社)([${HAN}·、]{0,80}?)((?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日)?电`,
  "u",
);
/** Who a reporter works for: 本报, 新华社, 解放军报, 健康时报… (any short name ending like a paper or agency). */
const ORGANISATIONS = `本报|新华社|中新社|中央广播电视总台|央视|[${HAN}]{1,6}?(?:日报|时报|晚报|报|网|社|台)`;
/** 本报驻埃及记者, 本报赴柬埔寨特派记者: correspondents abroad. */
const POSTED = `(?:驻|赴)[${HAN}]{1,8}?(?:特派)?`;
const ROLE_MARKER = new RegExp(
  `(?:(?:${ORGANISATIONS})?(?:${POSTED})?(?:特约|见习|实习)?(?:记者|通讯员)|实习生|参与采写|参与记者|执笔|撰稿|编译)[：:]?`,
  "gu",
);
const BYLINE_START = new RegExp(`^(?:${ORGANISATIONS})?(?:${POSTED})?(?:特约|见习)?(?:记者|通讯员)`, "u");
const BYLINE_SUFFIX = /(?:参与)?(?:采访整理|整理|采访|采写|报道|编译)$|(?:摄影报道|摄影|摄|参与)$/u;
/** Page credit labels; `本版/本期` prefixes are dropped from the role. */
const CREDIT_LABEL =
  /(?:本版|本期|本栏|稿件|剧照|题图|版式、)?(版式设计|版面设计|版式|美术编辑|美编|图表制作|制图|插图|漫画|统筹|策划|责编|责任编辑|编辑|设计|图片来源|数据来源|资料来源|稿件来源|摄影|采访整理|资料整理|供图)(?:[：:]|(?=\s))/gu;
const SOURCE_LABELS = new Set(["图片来源", "数据来源", "资料来源", "稿件来源"]);
const CAPTION_START = /^(?:图[①-⑳\d一二三四五六七八九十]*[：:]|[①-⑳][：:]|图为|上图|下图|左图|右图|中图|图片说明)/u;
/** Frequent surnames, used only where nothing but the look of a line says it is a name. */
const COMMON_SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵩帖畅沃但由";
const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "长孙", "宇文", "夏侯", "端木", "呼延", "轩辕"];
const AUTHOR_NOTE = /^[（(]作者(?:为|单位|系|是|：|:)/u;
const SENTENCE_END = /[。！？!?；;，,、…”」』）)：:]$/u;
/** A headline-less photo item has little text; longer items with a photo credit are articles. */
const MAX_PHOTO_TEXT = 400;
const MAX_SUBHEAD_LENGTH = 25;
const MAX_BYLINE_LINE_LENGTH = 80;
/** A bare parenthesised signature names one to three people of two to four characters. */
const MAX_SIGNATURE_NAMES = 3;

export function parseRmrbArticle(text: string, context: RmrbContext): ParsedArticle {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const kicker = squash(lines[0] ?? "") || null;
  const headline = splitColumnTag(squash(lines[1] ?? ""));
  const subtitle = squash(lines[2] ?? "") || null;
  const bylines: Bylines = { authors: [], credits: [], dateline: null, place: null };
  const kept = readBody(lines.slice(3), bylines);
  if (headline.column && PEN_NAMES.has(headline.column)) bylines.authors.unshift({ name: headline.column, role: "评论员" });
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
    const reading = nameLines.has(index) ? readAuthorNameLine(paragraph.text) : readBylineParagraph(paragraph);
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
    if (item.some((candidate) => AUTHOR_NOTE.test(candidate.text))) {
      // Under a subhead the name is the second line; only then is the first line not the name.
      const nameIndex = [start + 1, start].find((index) => index < end && isBareName(paragraphs[index]?.text ?? ""));
      if (nameIndex !== undefined) found.add(nameIndex);
    }
    start = end + 1;
  });
  return found;
}

/** A line that is one personal name; without any role word the name must also start with a common surname. */
function isBareName(text: string): boolean {
  const names = squash(text).length <= 9 ? readNames(text) : null;
  const name = names?.length === 1 ? (names[0] ?? "") : "";
  return [...name].length >= 2 && [...name].length <= 4 && startsWithSurname(name);
}

function startsWithSurname(name: string): boolean {
  return COMPOUND_SURNAMES.some((surname) => name.startsWith(surname)) || COMMON_SURNAMES.includes(name.charAt(0));
}

function readAuthorNameLine(text: string): BylineReading {
  return { keep: null, authors: (readNames(text) ?? []).map((name) => ({ name, role: "作者" })), credits: [] };
}

/** Paragraph texts without indentation; blank lines mark the end of an item (several short items share a file). */
function readParagraphs(bodyLines: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of bodyLines) {
    const text = line.replace(new RegExp(`^${SPACE_CLASS}+|${SPACE_CLASS}+$`, "gu"), "");
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
  const gap = new RegExp(`(?<=[。！？”）)])${SPACE_CLASS}{2,}`, "gu");
  for (const match of text.matchAll(gap)) {
    const tail = text.slice((match.index ?? 0) + match[0].length);
    if (tail.length <= 40 && readPhotoCredit(tail)) return [text.slice(0, match.index), tail];
  }
  return [text];
}

/** Tries each byline form in turn; null when the paragraph is ordinary text. */
function readBylineParagraph(paragraph: Paragraph): BylineReading | null {
  const text = paragraph.text;
  return (
    readLeadingDateline(text) ??
    readParenthetical(text, paragraph.endsSection) ??
    readCreditLine(text) ??
    readMixedCredit(text) ??
    readPhotoCredit(text) ??
    readReporterLine(text) ??
    readLetterSignature(text, paragraph.endsSection)
  );
}

/** 本报北京2月21日电 （记者王昊男）正文… → keeps "本报北京2月21日电 正文…", reporters become authors. */
function readLeadingDateline(text: string): BylineReading | null {
  const dateline = matchDateline(text);
  if (!dateline) return null;
  const rest = text.slice(dateline.text.length);
  const parenthesis = new RegExp(`^(${SPACE_CLASS}*)[（(]([^（）()]{1,120})[）)]`, "u").exec(rest);
  const authors = parenthesis ? readCreditPhrase(parenthesis[2] ?? "", null) : null;
  if (!parenthesis || !authors) return { keep: text, authors: [], credits: [], dateline: dateline.text, place: dateline.place };
  const body = rest.slice(parenthesis[0].length);
  return { keep: `${dateline.text}${parenthesis[1] || " "}${body}`.trimEnd(), authors, credits: [], dateline: dateline.text, place: dateline.place };
}

type Dateline = { text: string; place: string | null };

function matchDateline(text: string): Dateline | null {
  const match = DATELINE.exec(text);
  if (!match) return null;
  const place = match[3] ?? "";
  const hasDate = Boolean(match[4]);
  const next = text.charAt(match[0].length);
  // Without a date, "本报…电" must stand alone, or prose such as 本报记者从国家电网… would match.
  if (place.includes("记者") || (!hasDate && next !== "" && !/[\s\u00a0\u3000（(）)]/u.test(next))) return null;
  return { text: match[0], place: place || null };
}

/** A paragraph that is entirely one parenthesis: a closing dateline/byline, a signature, or other text. */
function readParenthetical(text: string, endsSection: boolean): BylineReading | null {
  const match = /^[（(](.+)[）)]$/u.exec(text);
  if (!match) return null;
  const inner = squash(match[1] ?? "");
  const dateline = matchDateline(inner);
  if (dateline) {
    const rest = inner.slice(dateline.text.length).replace(new RegExp(`^(?:${ROLE_MARKER.source})$`, "u"), "").trim();
    const authors = rest === "" ? [] : readCreditPhrase(rest, null);
    if (!authors) return null;
    return { keep: `（${dateline.text}）`, authors, credits: [], dateline: dateline.text, place: dateline.place };
  }
  if (/^作者(?:为|单位|系|是|：|:)/u.test(inner)) return null;
  if (/^执笔[：:]/u.test(inner)) {
    const names = readNames(inner.replace(/^执笔[：:]/u, ""));
    return names ? { keep: null, authors: names.map((name) => ({ name, role: "撰稿" })), credits: [] } : null;
  }
  const stated = hasRoleOrSuffix(inner) ? readCreditPhrase(inner, null) : null;
  if (stated) return { keep: null, authors: stated, credits: [] };
  const credit = readCreditLine(inner);
  if (credit) return credit;
  // A bare name in parentheses signs a short item; only trust it where an item ends.
  const signature = endsSection ? readNames(inner) : null;
  if (signature && signature.length <= MAX_SIGNATURE_NAMES && signature.every((name) => [...name].length <= 4)) return { keep: null, authors: signature.map((name) => ({ name, role: null })), credits: [] };
  return null;
}

function hasRoleOrSuffix(text: string): boolean {
  return hasRoleMarker(text) || BYLINE_SUFFIX.test(text) || /^综合/u.test(text);
}

/** 版式设计：蔡华伟, 本版制图：郭 祥, 本版摄影：史家民  版式设计：沈亦伶, 数据来源：…, 采访整理：… */
function readCreditLine(text: string): BylineReading | null {
  const line = squash(text);
  const labels = [...line.matchAll(CREDIT_LABEL)];
  const first = labels[0];
  if (!first || first.index !== 0 || line.length > MAX_BYLINE_LINE_LENGTH) return null;
  const reading: BylineReading = { keep: null, authors: [], credits: [] };
  labels.forEach((label, index) => {
    const start = (label.index ?? 0) + label[0].length;
    const end = labels[index + 1]?.index ?? line.length;
    addCredit(reading, label[1] ?? "", line.slice(start, end).trim());
  });
  return reading.authors.length + reading.credits.length > 0 ? reading : null;
}

function addCredit(reading: BylineReading, role: string, value: string): void {
  if (value === "") return;
  if (SOURCE_LABELS.has(role)) {
    reading.credits.push({ role, name: value });
    return;
  }
  const names = readNames(value.replace(/[（(]([^（）()]+)[）)]$/u, ""));
  const agency = /[（(]([^（）()]+)[）)]$/u.exec(value)?.[1];
  if (agency) reading.credits.push(sourceCredit(agency));
  if (role === "摄影" || role === "采访整理") {
    for (const name of names ?? []) reading.authors.push({ name, role: role === "摄影" ? "摄影" : null });
    return;
  }
  const printedRole = role === "版式" || role === "版面设计" ? "版式设计" : role;
  for (const name of names ?? [value]) reading.credits.push({ role: printedRole, name });
}

/** 严贵旺摄影报道, 本报记者  贺  勇摄, 胡攀学摄（人民视觉）, 鲜  敢  严贵旺摄影报道; XX供图, 新华社发. */
function readPhotoCredit(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  const agencyOnly = readAgencyCredit(line);
  if (agencyOnly) return { keep: null, authors: [], credits: [agencyOnly] };
  const match = /^(.+?)(摄影报道|摄)\s*(?:[（(]([^（）()]+)[）)])?$/u.exec(line);
  if (!match) return null;
  const people = readCreditPhrase(match[1] ?? "", "摄影");
  if (!people || people.length === 0) return null;
  const credits = match[3] ? [sourceCredit(match[3])] : [];
  return { keep: null, authors: people.map((author) => ({ ...author, role: "摄影" })), credits };
}

/** Lines that only name where a picture came from: 人民视觉, 新华社发, 中车长客公司供图. */
function readAgencyCredit(line: string): Credit | null {
  if (AGENCIES.has(line)) return sourceCredit(line);
  const supplied = /^(.{2,20})供图$/u.exec(line);
  return supplied ? { role: "供图", name: supplied[1] ?? "" } : null;
}

function sourceCredit(agency: string): Credit {
  return { role: "图片来源", name: squash(agency).replace(/(?:发|供图)$/u, "") };
}

/**
 * Lines that credit text, pictures and photos together: cartoons (曹 一图 于 石文), 本报记者 田 泓文
 * 计海新摄（影像中国）, 本报驻美国记者 高 石文并图, 某某供图 本报记者 林 芮文.
 */
function readMixedCredit(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  const segments = [...line.matchAll(MIXED_CREDIT_SEGMENT)];
  const covered = segments.map((segment) => segment[0]).join(" ");
  if (segments.length === 0 || covered !== line) return null;
  const single = segments.length === 1 ? segments[0] : null;
  if (single && single[2] !== "文并图" && !(single[2] === "文" && hasRoleMarker(single[1] ?? ""))) return null;
  const reading: BylineReading = { keep: null, authors: [], credits: [] };
  for (const segment of segments) {
    if (!addMixedSegment(reading, segment[1] ?? "", segment[2] ?? "")) return null;
    if (segment[3]) reading.credits.push(sourceCredit(segment[3]));
  }
  return reading;
}

const MIXED_CREDIT_SEGMENT = /(\S(?:.*?\S)??)\s?(文并图|摄影报道|供图|摄|文|图)(?:[（(]([^（）()]+)[）)])?(?=\s|$)/gu;

/** Adds one "names + kind" segment; false when the names do not read as a byline. */
function addMixedSegment(reading: BylineReading, who: string, what: string): boolean {
  if (what === "供图") {
    reading.credits.push({ role: "供图", name: who });
    return who.length <= 30;
  }
  if (what === "图") {
    const illustrators = readNames(who);
    for (const name of illustrators ?? []) reading.credits.push({ role: "图", name });
    return illustrators !== null;
  }
  const people = readCreditPhrase(who, what === "摄" || what === "摄影报道" ? "摄影" : "作者");
  if (!people) return false;
  if (what === "摄" || what === "摄影报道") reading.authors.push(...people.map((author) => ({ ...author, role: "摄影" as const })));
  else reading.authors.push(...people);
  if (what === "文并图") reading.authors.push(...people.map((author) => ({ ...author, role: "摄影" as const })));
  return true;
}

function hasRoleMarker(text: string): boolean {
  return new RegExp(ROLE_MARKER.source, "u").test(text);
}

/** 本报记者  朱  磊, 本报记者 杨明方 阿尔达克, 本报记者 程 焕整理, 何鼎鼎  本报评论员, 本报评论员. */
function readReporterLine(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  if (PEN_NAMES.has(line)) return { keep: null, authors: [{ name: line, role: "评论员" }], credits: [] };
  const trailingRole = new RegExp(`^(.+?)\\s+((?:本报|[${HAN}]{2,6}报)?评论员)$`, "u").exec(line);
  if (trailingRole) {
    const names = readNames(trailingRole[1] ?? "");
    const role = roleFromPrinted(trailingRole[2] ?? "");
    if (names) return { keep: null, authors: names.map((name) => ({ name, role })), credits: [] };
  }
  const start = BYLINE_START.exec(line);
  if (!start) return readCompiledBy(line);
  // 记者王珏 run together could be prose (记者留言板); unspaced bylines end with 整理/报道 or list several names.
  const spaced = /^[\s：:]/u.test(line.slice(start[0].length));
  if (!spaced && !BYLINE_SUFFIX.test(line) && !/[、，,]/u.test(line)) return null;
  const authors = readCreditPhrase(line, null);
  return authors ? { keep: null, authors, credits: [] } : null;
}

/** 潘俊强 马双军整理 / 程 焕整理: people who put an item together, with no role stated. */
function readCompiledBy(line: string): BylineReading | null {
  if (!/整理$/u.test(line)) return null;
  const names = readNames(line.replace(/整理$/u, ""));
  // One unspaced word before 整理 is as likely a verb phrase (分类整理) as a name.
  if (!names || (names.length === 1 && !line.includes(" "))) return null;
  return { keep: null, authors: names.map((name) => ({ name, role: null })), credits: [] };
}

/** Readers' letters end with place and name: 浙江桐乡市  姚孝平. */
function readLetterSignature(text: string, endsSection: boolean): BylineReading | null {
  if (!endsSection) return null;
  const match = new RegExp(`^([${HAN}]{2,12}(?:省|市|县|区|州|旗|盟|镇|乡|村))${SPACE_CLASS}+(.+)$`, "u").exec(text);
  const names = match ? readNames(match[2] ?? "") : null;
  if (!names || names.length !== 1) return null;
  return { keep: null, authors: [{ name: names[0] ?? "", role: null }], credits: [] };
}

/**
 * Authors from a byline phrase such as 记者王昊男、李红梅, 新华社记者李学勇，解放军报记者王士彬,
 * 本报记者 程 焕整理, 综合本报记者贺广华、汪晓东报道. Null unless the whole phrase reads as a byline.
 */
function readCreditPhrase(text: string, defaultRole: AuthorRole | null): Author[] | null {
  const body = squash(text)
    .replace(/^(?:综合|据)/u, "")
    .replace(BYLINE_SUFFIX, "")
    .replace(/及(?:新华社|人民网|央视|本报)$/u, "")
    .trim();
  if (body === "") return null;
  const markers = [...body.matchAll(ROLE_MARKER)];
  const groups: Array<{ role: AuthorRole | null; names: string }> = [];
  const lead = body.slice(0, markers[0]?.index ?? body.length);
  if (lead.replace(/[、，,；;\s]/gu, "") !== "") groups.push({ role: defaultRole, names: lead });
  markers.forEach((marker, index) => {
    const start = (marker.index ?? 0) + marker[0].length;
    groups.push({ role: roleFromPrinted(marker[0]), names: body.slice(start, markers[index + 1]?.index ?? body.length) });
  });
  const authors: Author[] = [];
  for (const group of groups) {
    const names = readNames(group.names);
    if (!names) return null;
    for (const name of names) authors.push({ name, role: group.role });
  }
  return authors.length > 0 ? authors : null;
}

/** The normalised role of a printed marker: 解放军报记者 → 记者, 参与记者 → 记者, 执笔 → 撰稿, 参与采写 → null. */
function roleFromPrinted(printed: string): AuthorRole | null {
  const word = printed.replace(/[：:\s]/gu, "");
  if (word === "参与记者") return "记者";
  if (word === "执笔") return "撰稿";
  // 本报驻埃及记者, 健康时报记者: the role is the printed word minus who and where.
  const role = /(?:特约|见习)?(?:记者|通讯员)$/u.exec(word)?.[0];
  return normalizeRole(word) ?? (role ? normalizeRole(role) : null);
}

/**
 * Personal names from a list: 王昊男、李红梅 / 朱  磊  黄哲雨 / 雷 声 周 石. Print spaces
 * two-character names out (朱  磊), so runs of single characters pair up. Null when any
 * piece is not plausibly a name.
 */
export function readNames(text: string): string[] | null {
  const names: string[] = [];
  const chunks = squash(text).split(/[、，,；;]/u).map((chunk) => chunk.trim()).filter((chunk) => chunk !== "");
  if (chunks.length === 0) return null;
  for (const chunk of chunks) {
    // 谢卫群等: "and others" after the last name.
    const merged = mergeSpacedNames(chunk.replace(/(?<=[^ ]{2})等$/u, "").split(" "));
    if (!merged.every(isPlausibleName)) return null;
    names.push(...merged);
  }
  return names;
}

/** Single characters come from names printed with spaces; pair them up (an odd run gives one three-character name). */
function mergeSpacedNames(tokens: readonly string[]): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i += 2) {
      const rest = run.length - i;
      if (rest === 3) {
        names.push(run.slice(i).join(""));
        break;
      }
      names.push(run.slice(i, i + 2).join(""));
    }
    run = [];
  };
  for (const token of tokens) {
    if ([...token].length === 1) run.push(token);
    else {
      flush();
      names.push(token);
    }
  }
  flush();
  return names;
}

function isPlausibleName(name: string): boolean {
  if (NOT_NAMES.has(name) || AGENCIES.has(name) || NAME_STOP_WORDS.test(name)) return false;
  return new RegExp(`^[${HAN}]{2,6}$`, "u").test(name) || new RegExp(`^[${HAN}]{1,8}(?:[·•．][${HAN}]{1,8})+$`, "u").test(name);
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

/** Collapses the NBSP/full-width/ASCII space runs the format uses for layout into single spaces. */
function squash(text: string): string {
  return text.replace(SPACES, " ").trim();
}

/** One entry per name and role, in order; a name with no role is dropped when the same name has one. */
function dedupeAuthors(authors: readonly Author[]): Author[] {
  const withRole = new Set(authors.filter((author) => author.role !== null).map((author) => author.name));
  const seen = new Set<string>();
  return authors.filter((author) => {
    const key = `${author.name}\u0000${author.role ?? ""}`;
    if (seen.has(key) || (author.role === null && withRole.has(author.name))) return false;
    seen.add(key);
    return true;
  });
}

function dedupeCredits(credits: readonly Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((credit) => {
    const key = `${credit.role}\u0000${credit.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

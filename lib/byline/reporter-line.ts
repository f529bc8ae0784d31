import type { AuthorRole } from "@/lib/article/types";
import { squash } from "@/lib/text/squash";
import { readCreditPhrase } from "./credit-phrase";
import { readNames } from "./name-list";
import { MAX_BYLINE_LINE_LENGTH, type BylineReading } from "./reading";
import { BYLINE_SUFFIX, REPORTER_LINE_START, roleFromPrinted } from "./role-words";

const HAN = "\\p{Script=Han}";

/** Institutional pen names printed as a headline's tag or as a byline line: commentaries signed by the paper. */
const INSTITUTIONAL_PEN_NAMES: ReadonlySet<string> = new Set([
  "钟声", "和音", "仲音", "任仲平", "国纪平", "宣言", "本报评论员", "人民日报评论员",
]);
const INSTITUTIONAL_ROLE: AuthorRole = "评论员";
/** Names followed by a commentator role: 何鼎鼎  本报评论员. */
const TRAILING_COMMENTATOR = new RegExp(`^(.+?)\\s+((?:本报|[${HAN}]{2,6}报)?评论员)$`, "u");

/** 本报记者  朱  磊, 本报记者 杨明方 阿尔达克, 本报记者 程 焕整理, 何鼎鼎  本报评论员, 本报评论员. */
export function readReporterLine(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  if (INSTITUTIONAL_PEN_NAMES.has(line)) return { authors: [{ name: line, role: INSTITUTIONAL_ROLE }], credits: [] };
  const trailingRole = TRAILING_COMMENTATOR.exec(line);
  if (trailingRole) {
    const names = readNames(trailingRole[1] ?? "");
    const role = roleFromPrinted(trailingRole[2] ?? "");
    if (names) return { authors: names.map((name) => ({ name, role })), credits: [] };
  }
  const start = REPORTER_LINE_START.exec(line);
  if (!start) return readCompiledBy(line);
  // 记者王珏 run together could be prose (记者留言板); unspaced bylines end with 整理/报道 or list several names.
  const spaced = /^[\s：:]/u.test(line.slice(start[0].length));
  if (!spaced && !BYLINE_SUFFIX.test(line) && !/[、，,]/u.test(line)) return null;
  const authors = readCreditPhrase(line, null);
  return authors ? { authors, credits: [] } : null;
}

/** An item signed by the paper through the column tag of its headline (（钟声）): the pen name as its 评论员. */
export function readInstitutionalPenName(tag: string): BylineReading | null {
  return INSTITUTIONAL_PEN_NAMES.has(tag) ? { authors: [{ name: tag, role: INSTITUTIONAL_ROLE }], credits: [] } : null;
}

/** 潘俊强 马双军整理 / 程 焕整理: people who put an item together, with no role stated. */
function readCompiledBy(line: string): BylineReading | null {
  if (!/整理$/u.test(line)) return null;
  const names = readNames(line.replace(/整理$/u, ""));
  // One unspaced word before 整理 is as likely a verb phrase (分类整理) as a name.
  if (!names || (names.length === 1 && !line.includes(" "))) return null;
  return { authors: names.map((name) => ({ name, role: null })), credits: [] };
}

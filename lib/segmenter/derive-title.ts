import { DATELINE } from "@/lib/byline/dateline";

const MAX_DERIVED_TITLE_CHARS = 48;
/** A bracketed byline or note opening the text, of any length (a long 编者按 too). */
const LEADING_BRACKETS = /^\s*[(（][^()（）]+[)）]/u;
const TIME_CLAUSE =
  /^(?:近日|日前|目前|当前|近期|今年以来|今年|去年|昨天|昨日|今天|今日|\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|晚间|凌晨|中午|早上)?(?:\d{1,2}时(?:许)?)?$/u;
const PURPOSE_CLAUSE = /^为/u;

/**
 * A title for an item printed without one: the main clause of the first sentence — leading time
 * phrases (近日, 11月14日) and purpose clauses (为…) are skipped, and the longest clause left is
 * usually the news itself.
 */
export function deriveTitle(body: string): string {
  const text = body.replace(DATELINE, "").replace(LEADING_BRACKETS, "").trim() || body.trim();
  const sentence = /^[^。！？!?\n]+/u.exec(text)?.[0] ?? text;
  const clauses = sentence.split(/[，,；;：:]/u).map((clause) => clause.trim());
  const informative = clauses.filter((clause) => clause && !TIME_CLAUSE.test(clause) && !PURPOSE_CLAUSE.test(clause));
  const longest = informative.reduce<string>((best, clause) => (clause.length > best.length ? clause : best), "");
  const title = longest || sentence.trim();
  return [...title].slice(0, MAX_DERIVED_TITLE_CHARS).join("");
}

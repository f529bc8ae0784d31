import { normalizeRole } from "@/lib/article/roles";
import type { AuthorRole } from "@/lib/article/types";

/**
 * Role words as bylines print them, beyond the plain words of `lib/article/roles.ts`: where they
 * stand (photo words after names), markers that add no role (文/摄), and the organisation and
 * posting prefixes of typeset papers (解放军报记者, 本报驻埃及记者).
 */

const HAN = "\\p{Script=Han}";

/** Photo words follow the names they credit (张三 摄); every other role word precedes them. */
export const PHOTO_ROLE_WORDS: ReadonlySet<string> = new Set(["摄影报道", "摄影", "摄"]);

/** Markers such as 文/摄 (wrote and photographed): they add no role, the writer keeps the printed one. */
export const WORK_MARKER = /^(?:文|图|摄)(?:[/／](?:文|图|摄))+$/u;

/** Roles of the people who reported a story, printed before their names: 记者 张三 通讯员 李四. */
export const REPORTER_ROLES: ReadonlySet<AuthorRole> = new Set(["记者", "见习记者", "特约记者", "通讯员", "特约通讯员"]);

/** Who a reporter works for: 本报, 新华社, 解放军报, 健康时报… (any short name ending like a paper or agency). */
const ORGANISATIONS = `本报|新华社|中新社|中央广播电视总台|央视|[${HAN}]{1,6}?(?:日报|时报|晚报|报|网|社|台)`;
/** 本报驻埃及记者, 本报赴柬埔寨特派记者: correspondents abroad. */
const POSTED = `(?:驻|赴)[${HAN}]{1,8}?(?:特派)?`;

/** Every role phrase of a typeset byline, anywhere in it: 新华社记者, 本报驻美国记者, 实习生, 执笔：. */
export const ROLE_MARKER = new RegExp(
  `(?:(?:${ORGANISATIONS})?(?:${POSTED})?(?:特约|见习|实习)?(?:记者|通讯员)|实习生|参与采写|参与记者|执笔|撰稿|编译)[：:]?`,
  "gu",
);
/** A line that opens with a reporter's role phrase: 本报记者…, 解放军报记者…, 本报驻埃及记者…. */
export const REPORTER_LINE_START = new RegExp(`^(?:${ORGANISATIONS})?(?:${POSTED})?(?:特约|见习)?(?:记者|通讯员)`, "u");
/** Words that end a byline after the names: 整理, 报道, 摄影报道, 参与. */
export const BYLINE_SUFFIX = /(?:参与)?(?:采访整理|整理|采访|采写|报道|编译)$|(?:摄影报道|摄影|摄|参与)$/u;

/** ROLE_MARKER without the `g` flag, so `test` keeps no state; built once. */
const ANY_ROLE_MARKER = new RegExp(ROLE_MARKER.source, "u");
const ONLY_ROLE_MARKER = new RegExp(`^(?:${ROLE_MARKER.source})$`, "u");

export function hasRoleMarker(text: string): boolean {
  return ANY_ROLE_MARKER.test(text);
}

/** The whole text is one role phrase and nothing else (本报记者, 记者：). */
export function isRoleMarker(text: string): boolean {
  return ONLY_ROLE_MARKER.test(text);
}

/** The normalised role of a printed role phrase: 解放军报记者 → 记者, 参与记者 → 记者, 执笔 → 撰稿, 参与采写 → null. */
export function roleFromPrinted(printed: string): AuthorRole | null {
  const word = printed.replace(/[：:\s]/gu, "");
  if (word === "参与记者") return "记者";
  if (word === "执笔") return "撰稿";
  // 本报驻埃及记者, 健康时报记者: the role is the printed word minus who and where.
  const role = /(?:特约|见习)?(?:记者|通讯员)$/u.exec(word)?.[0];
  return normalizeRole(word) ?? (role ? normalizeRole(role) : null);
}

import { squash } from "@/lib/text/squash";
import { readCreditPhrase } from "./credit-phrase";
import { matchDateline, type Dateline } from "./dateline";
import { readMixedCredit } from "./mixed-credit";
import { readNames } from "./name-list";
import { readCreditLine } from "./page-credit";
import { readPhotoCredit } from "./photo-credit";
import type { BylineReading } from "./reading";
import { readReporterLine } from "./reporter-line";
import { BYLINE_SUFFIX, hasRoleMarker, isRoleMarker } from "./role-words";
import { readLetterSignature, readParenthesisedSignature, startsWithAuthorNote } from "./signature";

/**
 * Bylines and credits as typeset papers print them on a paragraph of their own (rmrb's article
 * files): the words are laid out with spaces (朱  磊), organisations and postings prefix the role
 * (本报驻埃及记者), and page, photo and picture-source credits sit among them. The OCR reader's
 * stricter grammar is `trailing-byline.ts`; both read names, surnames and role words from this folder.
 */

/** A reading of a paragraph in parentheses that held a dateline: the report's closing dateline. */
export type TypesetReading = BylineReading & { closingDateline?: Dateline };

/**
 * Reads a paragraph that is nothing but a byline or credit line; null when it is ordinary text.
 * `endsItem`: the paragraph is the last of an item, where a role-less signature (（李静）,
 * 浙江桐乡市  姚孝平) is trusted.
 */
export function readTypesetByline(text: string, options: { endsItem: boolean }): TypesetReading | null {
  return (
    readParenthesisedByline(text, options.endsItem) ??
    readCreditLine(text) ??
    readMixedCredit(text) ??
    readPhotoCredit(text) ??
    readReporterLine(text) ??
    (options.endsItem ? readLetterSignature(text) : null)
  );
}

/** A paragraph that is entirely one parenthesis: a closing dateline with its reporters, a byline, a credit or a signature. */
function readParenthesisedByline(text: string, endsItem: boolean): TypesetReading | null {
  const match = /^[（(](.+)[）)]$/u.exec(text);
  if (!match) return null;
  const inner = squash(match[1] ?? "");
  const dateline = matchDateline(inner);
  if (dateline) {
    // （本报北京电 记者 张三）, or the dateline alone; a lone role word after it (记者) names nobody.
    const rest = inner.slice(dateline.printed.length);
    const words = isRoleMarker(rest) ? "" : rest.trim();
    const authors = words === "" ? [] : readCreditPhrase(words, null);
    return authors ? { authors, credits: [], closingDateline: dateline } : null;
  }
  if (startsWithAuthorNote(inner)) return null;
  if (/^执笔[：:]/u.test(inner)) {
    const names = readNames(inner.replace(/^执笔[：:]/u, ""));
    return names ? { authors: names.map((name) => ({ name, role: "撰稿" })), credits: [] } : null;
  }
  const stated = hasRoleOrSuffix(inner) ? readCreditPhrase(inner, null) : null;
  if (stated) return { authors: stated, credits: [] };
  return readCreditLine(inner) ?? (endsItem ? readParenthesisedSignature(inner) : null);
}

function hasRoleOrSuffix(text: string): boolean {
  return hasRoleMarker(text) || BYLINE_SUFFIX.test(text) || /^综合/u.test(text);
}

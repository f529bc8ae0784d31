import type { Credit } from "@/lib/article/types";
import { squash } from "@/lib/text/squash";
import { readCreditPhrase } from "./credit-phrase";
import { PICTURE_AGENCIES } from "./names";
import { MAX_BYLINE_LINE_LENGTH, type BylineReading } from "./reading";

/**
 * Photo credits: 严贵旺摄影报道, 本报记者  贺  勇摄, 胡攀学摄（人民视觉）, 鲜  敢  严贵旺摄影报道,
 * 新华社记者 张三 摄; and lines that only name a picture's source: 人民视觉, 新华社发, 中车长客公司供图.
 * Everyone named is a photographer, whatever role word comes before the names.
 */
export function readPhotoCredit(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  const agencyOnly = readAgencyCredit(line);
  if (agencyOnly) return { authors: [], credits: [agencyOnly] };
  const match = /^(.+?)(摄影报道|摄)\s*(?:[（(]([^（）()]+)[）)])?$/u.exec(line);
  if (!match) return null;
  const people = readCreditPhrase(match[1] ?? "", "摄影");
  if (!people || people.length === 0) return null;
  const credits = match[3] ? [sourceCredit(match[3])] : [];
  return { authors: people.map((author) => ({ ...author, role: "摄影" })), credits };
}

/** The source of a picture as printed after a credit, （人民视觉）（新华社发）, as a 图片来源 credit. */
export function sourceCredit(agency: string): Credit {
  return { role: "图片来源", name: squash(agency).replace(/(?:发|供图)$/u, "") };
}

function readAgencyCredit(line: string): Credit | null {
  if (PICTURE_AGENCIES.has(line)) return sourceCredit(line);
  const supplied = /^(.{2,20})供图$/u.exec(line);
  return supplied ? { role: "供图", name: supplied[1] ?? "" } : null;
}

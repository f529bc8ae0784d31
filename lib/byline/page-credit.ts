import { squash } from "@/lib/text/squash";
import { readNames } from "./name-list";
import { sourceCredit } from "./photo-credit";
import { MAX_BYLINE_LINE_LENGTH, type BylineReading } from "./reading";

/**
 * Page credits: 版式设计：蔡华伟, 本版制图：郭 祥, 本版摄影：史家民  版式设计：沈亦伶, 数据来源：…,
 * 采访整理：…. Labels may repeat along one line; `本版/本期` prefixes are dropped from the role.
 */
export const CREDIT_LABEL =
  /(?:本版|本期|本栏|稿件|剧照|题图|版式、)?(版式设计|版面设计|版式|美术编辑|美编|图表制作|制图|插图|漫画|统筹|策划|责编|责任编辑|编辑|设计|图片来源|数据来源|资料来源|稿件来源|摄影|采访整理|资料整理|供图)(?:[：:]|(?=\s))/gu;
/** Labels whose value is a source, kept whole (数据来源：国家统计局), not read as names. */
const SOURCE_LABELS: ReadonlySet<string> = new Set(["图片来源", "数据来源", "资料来源", "稿件来源"]);

/** A line that opens with a credit label; photographers and 采访整理 become authors, the rest credits. */
export function readCreditLine(text: string): BylineReading | null {
  const line = squash(text);
  if (line.length > MAX_BYLINE_LINE_LENGTH) return null;
  const labels = [...line.matchAll(CREDIT_LABEL)];
  const first = labels[0];
  if (!first || first.index !== 0) return null;
  const reading: BylineReading = { authors: [], credits: [] };
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

import type { Author, Credit } from "@/lib/article/types";
import { formatPageCredit } from "@/lib/byline/format";
import { NOT_ARTICLE_REASONS, type Correction, type FieldChanges } from "@/lib/corrections/correction-input";

/** A correction in one line of Chinese, for the article page's history and the review queue. */

const FIELD_NAMES: Record<keyof FieldChanges, string> = {
  authors: "作者",
  credits: "其他署名",
  kicker: "引题",
  title: "标题",
  subtitle: "副题",
  date: "日期",
  page: "版次",
  column: "栏目",
  topics: "主题",
};

export function formatAuthorLine(author: Author): string {
  return author.role ? `${author.role} ${author.name}` : author.name;
}

/** 版式设计：蔡华伟, as the page prints a credit and the correction form reads it back (readCreditLine). */
export function formatCreditLine(credit: Credit): string {
  return formatPageCredit(credit.role, [credit.name]);
}

function formatValue(field: keyof FieldChanges, value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return "（空）";
  if (field === "authors") return (value as Author[]).map(formatAuthorLine).join("、");
  if (field === "credits") return (value as Credit[]).map(formatCreditLine).join("、");
  if (Array.isArray(value)) return value.join("、");
  return String(value);
}

export function describeCorrection(correction: Correction): string {
  const payload = correction.payload;
  switch (payload.kind) {
    case "fields":
      return (Object.entries(payload.changes) as Array<[keyof FieldChanges, unknown]>)
        .map(([field, value]) => `${FIELD_NAMES[field]}改为“${formatValue(field, value)}”`)
        .join("；");
    case "merge":
      return `与下一篇 ${payload.nextId} 合并`;
    case "split":
      return `在第 ${payload.atBlock} 段后拆分${payload.title ? `，新文章标题“${payload.title}”` : ""}`;
    case "not-article":
      return `标为非文章：${NOT_ARTICLE_REASONS[payload.reason]}`;
  }
}

import type { z } from "zod";

/**
 * Readers see what was wrong with a URL parameter in Chinese, naming it: zod's own messages are
 * English ("Too big: expected number to be <=10000"). Schemas keep the messages they give
 * themselves (`from: 须为 YYYY-MM-DD`); `describeDefaultIssue` words the rest, passed to
 * `safeParse` as its per-parse error map, which zod consults only for issues without a message
 * of their own.
 */

type RawIssue = z.core.$ZodRawIssue;

export function describeDefaultIssue(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return "须为整数";
      if (issue.expected === "number") return "须为数字";
      if (issue.expected === "string" && Array.isArray(issue.input)) return "只能给一个值";
      return "值无效";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "不能为空" : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === "array") return `至少 ${issue.minimum} 个`;
      return `须 ≥ ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `最长 ${issue.maximum} 个字符`;
      if (issue.origin === "array") return `最多 ${issue.maximum} 个`;
      return `最大 ${issue.maximum}`;
    case "invalid_value":
      return `须为 ${issue.values.map(String).join("、")} 之一`;
    default:
      return "值无效";
  }
}

/** Every issue, `author（第 2 个）: …`, joined: each names the parameter, and the value when it is one of several. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${readParameterName(issue.path)}${readPosition(issue.path)}: ${issue.message}`).join("; ");
}

function readParameterName(path: readonly PropertyKey[]): string {
  const first = path[0];
  return first === undefined ? "参数" : String(first);
}

function readPosition(path: readonly PropertyKey[]): string {
  const index = path[1];
  return typeof index === "number" ? `（第 ${index + 1} 个）` : "";
}

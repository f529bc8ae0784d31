import { normalizeRole } from "@/lib/article/roles";
import { AUTHOR_ROLES, type Author, type Credit } from "@/lib/article/types";

/**
 * The article page's correction forms (they work without JavaScript) → the object
 * `CorrectionInput` validates. A byline is one person per line, `记者 王某`, `王某（记者）` or
 * just `王某`; a credit is `版式设计：蔡华伟`. A line that cannot be read is an error naming it.
 */

export class FormReadError extends Error {
  override name = "FormReadError";
}

const text = (form: FormData, name: string): string | null => {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
};

/** Empty means "none" (null) for optional headline and place fields. */
const optional = (form: FormData, name: string): string | null => {
  const value = text(form, name)?.trim();
  return value ? value : null;
};

const lines = (value: string | null): string[] =>
  (value ?? "")
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);

export function readAuthorLine(line: string, at: number): Author {
  const bracketed = /^(.+?)[（(]([^（）()]+)[）)]$/u.exec(line);
  const spaced = /^(\S+)[\s:：]+(\S+)$/u.exec(line);
  let name = line;
  let printedRole: string | null = null;
  if (bracketed) [, name, printedRole] = bracketed as unknown as [string, string, string];
  else if (spaced && normalizeRole(spaced[1]!)) [, printedRole, name] = spaced as unknown as [string, string, string];
  const role = printedRole === null ? null : normalizeRole(printedRole);
  if (printedRole !== null && role === null) {
    throw new FormReadError(`authors 第 ${at} 行：“${printedRole}”不是作者角色（可用：${AUTHOR_ROLES.join("、")}；其他署名请写在“其他署名”中）`);
  }
  return { name: name.trim(), role };
}

export function readCreditLine(line: string, at: number): Credit {
  const match = /^([^:：]+)[:：](.+)$/u.exec(line);
  if (!match) throw new FormReadError(`credits 第 ${at} 行：应写成“角色：姓名”，如“版式设计：蔡华伟”`);
  return { role: match[1]!.trim(), name: match[2]!.trim() };
}

export function readCorrectionForm(form: FormData): unknown {
  const kind = text(form, "kind");
  const articleId = text(form, "articleId");
  switch (kind) {
    case "merge":
      return { kind, articleId };
    case "not-article":
      return { kind, articleId, reason: text(form, "reason") };
    case "split": {
      const atBlock = Number(text(form, "atBlock"));
      return { kind, articleId, atBlock: Number.isFinite(atBlock) ? atBlock : text(form, "atBlock"), title: optional(form, "title") };
    }
    case "fields": {
      const page = optional(form, "page");
      const changes: Record<string, unknown> = {
        authors: lines(text(form, "authors")).map((line, i) => readAuthorLine(line, i + 1)),
        credits: lines(text(form, "credits")).map((line, i) => readCreditLine(line, i + 1)),
        kicker: optional(form, "kicker"),
        title: text(form, "title")?.trim() ?? "",
        subtitle: optional(form, "subtitle"),
        date: optional(form, "date"),
        page: page === null ? null : /^\d+$/u.test(page) ? Number(page) : page,
        column: optional(form, "column"),
      };
      // Checkboxes send nothing when none is ticked: the hidden field says the list was on the form.
      if (text(form, "topicsShown") === "1") changes.topics = form.getAll("topics").filter((value) => typeof value === "string");
      return { kind, articleId, changes };
    }
    default:
      return { kind, articleId };
  }
}

import { z } from "zod";
import { ARTICLE_ID as ARTICLE_ID_PATTERN, AUTHOR_ROLES } from "@/lib/article/types";
import { TOPICS } from "@/lib/article/topics";

/**
 * What a librarian may send: one correction of one article, validated here once for the form,
 * the JSON API and `corrections import`. Anything else is a 400 that names the field.
 */

const ARTICLE_ID = z.string().regex(ARTICLE_ID_PATTERN, "articleId: letters, digits, - and _ only (1–200)");
/** Printed text in one line: no control characters, trimmed, not empty. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !/[\u0000-\u001f\u007f]/u.test(text), "no control characters");

export const AuthorInput = z.strictObject({ name: line(40), role: z.enum(AUTHOR_ROLES).nullable() });
export const CreditInput = z.strictObject({ role: line(20), name: line(40) });

export const FieldChanges = z
  .strictObject({
    authors: z.array(AuthorInput).max(40).optional(),
    credits: z.array(CreditInput).max(40).optional(),
    kicker: line(200).nullable().optional(),
    title: line(300).optional(),
    subtitle: line(300).nullable().optional(),
    date: z.iso.date().nullable().optional(),
    page: z.number().int().min(1).max(999).nullable().optional(),
    column: line(60).nullable().optional(),
    topics: z.array(z.enum(TOPICS)).max(TOPICS.length).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, "changes: at least one field");
export type FieldChanges = z.infer<typeof FieldChanges>;
export type ChangedField = keyof FieldChanges;

export const NOT_ARTICLE_REASONS = { advert: "广告", furniture: "版面装饰（报头、目录、页眉）", other: "其他非文章内容" } as const;
export type NotArticleReason = keyof typeof NOT_ARTICLE_REASONS;

export const CorrectionInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fields"), articleId: ARTICLE_ID, changes: FieldChanges }),
  /** Joins the article with the one printed after it on the same page. */
  z.strictObject({ kind: z.literal("merge"), articleId: ARTICLE_ID }),
  /** Splits before block `atBlock` (1 = after the first paragraph); the new article gets `title` or one derived from its text. */
  z.strictObject({ kind: z.literal("split"), articleId: ARTICLE_ID, atBlock: z.number().int().min(1).max(10_000), title: line(300).nullable().optional() }),
  z.strictObject({ kind: z.literal("not-article"), articleId: ARTICLE_ID, reason: z.enum(Object.keys(NOT_ARTICLE_REASONS) as [NotArticleReason, ...NotArticleReason[]]) }),
]);
export type CorrectionInput = z.infer<typeof CorrectionInput>;
export type CorrectionKind = CorrectionInput["kind"];

/** What a stored correction carries besides its target: the input, and for a merge the next article it was made against. */
export type CorrectionPayload =
  | { kind: "fields"; changes: FieldChanges }
  | { kind: "merge"; nextId: string; nextFingerprint: string }
  | { kind: "split"; atBlock: number; title: string | null }
  | { kind: "not-article"; reason: NotArticleReason };

/** A correction as stored: keyed to the article's id and to the text it was made against. */
export type Correction = {
  id: string;
  seq: number;
  articleId: string;
  /** Fingerprint of the article's body text when the correction was made (fingerprint.ts). */
  fingerprint: string;
  payload: CorrectionPayload;
  createdBy: string;
  createdAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
  /** Why it no longer fits its source text (kept, not applied), or null. */
  staleReason: string | null;
};

/** Reads a stored payload; the database only ever holds what this module wrote, so a failure is corruption. */
export const CorrectionPayloadSchema: z.ZodType<CorrectionPayload> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fields"), changes: FieldChanges }),
  z.strictObject({ kind: z.literal("merge"), nextId: ARTICLE_ID, nextFingerprint: z.string().regex(/^[0-9a-f]{16}$/) }),
  z.strictObject({ kind: z.literal("split"), atBlock: z.number().int().min(1), title: line(300).nullable() }),
  z.strictObject({ kind: z.literal("not-article"), reason: z.enum(Object.keys(NOT_ARTICLE_REASONS) as [NotArticleReason, ...NotArticleReason[]]) }),
]);

/** The first problem, naming its field: `changes.authors.0.name: …`. */
export function describeInputError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  return `${issue.path.length > 0 ? issue.path.join(".") : "input"}: ${issue.message}`;
}

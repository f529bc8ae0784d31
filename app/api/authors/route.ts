import type { NextRequest } from "next/server";
import { z } from "zod";
import { AUTHOR_SORTS, queryAuthorDirectory } from "@/lib/authors/directory";
import { describeDefaultIssue, describeIssues } from "@/lib/search/describe-issues";
import { answerError, answerJson } from "@/lib/api/respond";
import { loadAuthorDirectory } from "@/lib/search/author-directory";

export const dynamic = "force-dynamic";

const AuthorsQuerySchema = z.object({
  q: z.string().max(50).default(""),
  sort: z.enum(AUTHOR_SORTS).default("count"),
  role: z.string().max(20).optional(),
  paper: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(500).default(50),
});

/** GET /api/authors — the author directory: q (Chinese, pinyin or initials), sort, role, paper, page, size. */
export async function GET(request: NextRequest) {
  const parsed = AuthorsQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams), { error: describeDefaultIssue });
  if (!parsed.success) return answerError(400, "invalid_parameter", describeIssues(parsed.error));
  const query = { ...parsed.data, role: parsed.data.role ?? null, paper: parsed.data.paper ?? null };
  return answerJson(async () => {
    const { total, items } = queryAuthorDirectory(await loadAuthorDirectory(), query);
    return {
      total,
      page: query.page,
      size: query.size,
      authors: items.map(({ pinyin, sortKey: _sortKey, ...entry }) => ({ ...entry, pinyin: pinyin.syllables.join(" ") })),
    };
  });
}

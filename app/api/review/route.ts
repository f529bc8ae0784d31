import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { getDatabase } from "@/lib/corrections/database";
import { markReviewed } from "@/lib/corrections/review-queue";
import { openChange, redirectTo, refuseChange } from "@/lib/librarians/change-response";
import { isArticleId } from "@/lib/article/types";

export const dynamic = "force-dynamic";

/** POST articleId: a librarian checked an article of the review queue and found it right. */
export async function POST(request: NextRequest) {
  const opened = await openChange(request, () => "/review");
  if (!opened.ok) return opened.response;
  const { json, form, body, session } = opened.change;
  const articleId = form ? form.get("articleId") : (body as { articleId?: unknown } | null)?.articleId;
  if (!isArticleId(articleId)) {
    return refuseChange({ status: 400, code: "invalid_article_id", message: "articleId: letters, digits, - and _ only (1–200)" }, true);
  }
  if (!markReviewed(getDatabase(), articleId, session.librarian)) {
    return refuseChange({ status: 404, code: "not_found", message: `审核队列中没有文章 ${articleId}` }, json, "/review");
  }
  return json ? NextResponse.json({ checked: articleId }) : redirectTo(request, "/review");
}

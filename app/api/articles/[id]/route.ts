import { answerError, answerFailure } from "@/lib/api/respond";
import { getArticle } from "@/lib/search/search-articles";
import { NextResponse } from "next/server";
import { isArticleId } from "@/lib/article/types";

export const dynamic = "force-dynamic";

/** GET /api/articles/:id — one article with its full text blocks. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isArticleId(id)) return answerError(400, "invalid_parameter", "id: 只能包含字母、数字、- 和 _");
  try {
    const article = await getArticle(id);
    if (!article) return answerError(404, "not_found", `没有 id 为 ${id} 的文章`);
    return NextResponse.json(article, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerFailure(error);
  }
}

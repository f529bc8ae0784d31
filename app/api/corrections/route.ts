import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { CorrectionInput, describeInputError } from "@/lib/corrections/correction-input";
import { ArticleNotFoundError, correctArticle, CorrectionRefusedError } from "@/lib/corrections/correct-article";
import { FormReadError, readCorrectionForm } from "@/lib/corrections/read-correction-form";
import { answerChangeFailure, openChange, redirectTo, refuseChange, withError } from "@/lib/librarians/change-response";
import { isArticleId } from "@/lib/article/types";

export const dynamic = "force-dynamic";

/** POST a correction of one article (a librarian's session and its CSRF token required). */
export async function POST(request: NextRequest) {
  const opened = await openChange(request, (form) => {
    const formId = form?.get("articleId");
    return isArticleId(formId) ? `/articles/${formId}#correct` : "/";
  });
  if (!opened.ok) return opened.response;
  const { json, form, body, session, back } = opened.change;
  let raw: unknown;
  try {
    raw = form ? readCorrectionForm(form) : body;
  } catch (error) {
    if (error instanceof FormReadError) return redirectTo(request, withError(back, error.message));
    throw error;
  }
  const parsed = CorrectionInput.safeParse(raw);
  if (!parsed.success) {
    const message = `更正内容无效：${describeInputError(parsed.error)}`;
    return json ? refuseChange({ status: 400, code: "invalid_correction", message }, true) : redirectTo(request, withError(back, message));
  }
  try {
    const { correction, articles } = await correctArticle(parsed.data, session.librarian);
    if (json) return NextResponse.json({ correction, articles: articles.map((article) => article.id) }, { headers: { "Cache-Control": "no-store" } });
    return redirectTo(request, `/articles/${articles[0]?.id ?? parsed.data.articleId}?corrected=${correction.id}#correct`);
  } catch (error) {
    return answerChangeFailure(error, json, request, back, [
      [CorrectionRefusedError, 409, "correction_refused"],
      [ArticleNotFoundError, 404, "not_found"],
    ]);
  }
}

import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { CorrectionNotFoundError, UndoOrderError } from "@/lib/corrections/correction-store";
import { CorrectionRefusedError, undoCorrection } from "@/lib/corrections/correct-article";
import { answerChangeFailure, openChange, redirectTo } from "@/lib/librarians/change-response";
import { toSafeNext } from "@/lib/librarians/request-session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** POST: undo one correction (the newest of its articles first). */
export async function POST(request: NextRequest, { params }: Props) {
  const { id } = await params;
  const opened = await openChange(request, (form) => toSafeNext(form?.get("next"), "/"));
  if (!opened.ok) return opened.response;
  const { json, session, back } = opened.change;
  try {
    const { correction, restored } = await undoCorrection(id, session.librarian);
    if (json) return NextResponse.json({ correction, restored }, { headers: { "Cache-Control": "no-store" } });
    return redirectTo(request, `${back.split("#")[0]}${back.includes("?") ? "&" : "?"}undone=${correction.id}#correct`);
  } catch (error) {
    return answerChangeFailure(error, json, request, back, [
      [UndoOrderError, 409, "undo_order"],
      [CorrectionRefusedError, 409, "correction_refused"],
      [CorrectionNotFoundError, 404, "not_found"],
    ]);
  }
}

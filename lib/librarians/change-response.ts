import { NextResponse, type NextRequest } from "next/server";
import { answerError, answerFailure } from "@/lib/api/respond";
import { escapeHtml, renderStandalonePage } from "@/lib/app/standalone-page";
import type { Session } from "./sessions";
import { authorizeChange, readBody, type ChangeRefusal } from "./request-session";

/**
 * Answers of the routes that change something. An API client (JSON body) gets JSON with a
 * status; a form posted by a browser gets a redirect back to the page (303), or, when it may
 * not change anything at all, a short page saying why with the same status.
 */

/** A change request read and allowed: its form (null for JSON, whose body is `body`), who sent it and where a form goes back to. */
export type OpenedChange = { json: boolean; form: FormData | null; body: unknown; session: Session; back: string };

/**
 * The opening every change route shares: the body read (400 when it is neither JSON nor a form),
 * then a librarian's session and, for a form, its CSRF token (403 otherwise). `backOf` names the
 * page a form returns to, from the form itself. Either the change to make or the refusal to send.
 */
export async function openChange(request: NextRequest, backOf: (form: FormData | null) => string): Promise<{ ok: true; change: OpenedChange } | { ok: false; response: NextResponse }> {
  const read = await readBody(request);
  if (!read.ok) return { ok: false, response: refuseChange({ status: 400, code: "invalid_body", message: read.message }, true) };
  const json = read.form === null;
  const back = backOf(read.form);
  const auth = authorizeChange(request, read.form ? String(read.form.get("csrf") ?? "") : null);
  if (!auth.ok) return { ok: false, response: refuseChange(auth.refusal, json, back) };
  return { ok: true, change: { json, form: read.form, body: read.body, session: auth.session, back } };
}

export function redirectTo(request: Request, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, request.url), { status: 303, headers: { "Cache-Control": "no-store" } });
}

export function refuseChange(refusal: ChangeRefusal | { status: number; code: string; message: string }, json: boolean, back = "/"): NextResponse {
  if (json) return answerError(refusal.status, refusal.code, refusal.message);
  const body = `<main style="max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>无法完成操作</h1><p>${escapeHtml(refusal.message)}</p>
<p><a href="/librarian/sign-in?next=${encodeURIComponent(back)}">馆员登录</a> · <a href="${escapeHtml(back)}">返回</a></p></main>`;
  return new NextResponse(renderStandalonePage({ title: "无法完成操作", styles: "", body }), {
    status: refusal.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A failure of the work itself: JSON as the API answers it; a form goes back with the message shown. */
export function answerChangeFailure(error: unknown, json: boolean, request: Request, back: string, known: Array<[new (...args: never[]) => Error, number, string]>): NextResponse {
  for (const [type, status, code] of known) {
    if (error instanceof type) return json ? answerError(status, code, error.message) : redirectTo(request, withError(back, error.message));
  }
  if (json) return answerFailure(error);
  const answer = answerFailure(error);
  return refuseChange({ status: answer.status, code: "failed", message: answer.status === 503 ? "检索服务暂时不可用，更正未保存，请稍后重试。" : "服务器内部错误，更正未保存。" }, false, back);
}

/** The page again, with the message for the editor to show. */
export function withError(back: string, message: string): string {
  const [path, hash] = back.split("#");
  const url = new URL(path!, "http://x");
  url.searchParams.set("correctionError", message.slice(0, 300));
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ""}`;
}

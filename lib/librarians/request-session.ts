import { cache } from "react";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getDatabase } from "@/lib/corrections/database";
import { checkCsrfToken, readSession, SESSION_COOKIE, type Session } from "./sessions";

/**
 * The signed-in librarian of a request. Without the session cookie nothing is read from the
 * database, so readers' pages cost what they cost before.
 */

/** For server components; read once per request (the layout and the article's correction panel both ask). */
export const readPageSession = cache(async (): Promise<Session | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? readSession(getDatabase(), token) : null;
});

export type ChangeRefusal = { status: 403; code: "sign_in_required" | "csrf_failed" | "cross_origin"; message: string };

export const CROSS_SITE: ChangeRefusal = { status: 403, code: "cross_origin", message: "请求来自其他网站，已拒绝。 / Cross-site request refused." };

/** The browser says the request comes from another site (an Origin whose host is not ours). */
export function isCrossSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

/**
 * A change is allowed only with a session, its CSRF token (form field `csrf` or header
 * X-CSRF-Token) and, when the browser says where the request came from, from this site.
 */
export function authorizeChange(request: NextRequest, sentCsrf: string | null): { ok: true; session: Session } | { ok: false; refusal: ChangeRefusal } {
  if (isCrossSite(request)) return { ok: false, refusal: CROSS_SITE };
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  const session = token ? readSession(getDatabase(), token) : null;
  if (!session) return { ok: false, refusal: { status: 403, code: "sign_in_required", message: "请先以馆员身份登录。 / Sign in as a librarian first." } };
  if (!checkCsrfToken(session, sentCsrf ?? request.headers.get("x-csrf-token"))) {
    return { ok: false, refusal: { status: 403, code: "csrf_failed", message: "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。 / CSRF check failed." } };
  }
  return { ok: true, session };
}

/** Whether the client sent JSON (an API client) rather than a form (a browser without script). */
export function isJsonBody(request: NextRequest): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
}

/** The body as a plain record: JSON as sent, a form as its fields (repeated fields as arrays). */
export async function readBody(request: NextRequest): Promise<{ ok: true; body: unknown; form: FormData | null } | { ok: false; message: string }> {
  try {
    if (isJsonBody(request)) return { ok: true, body: await request.json(), form: null };
    const form = await request.formData();
    return { ok: true, body: null, form };
  } catch {
    return { ok: false, message: "请求体无法解析（应为 JSON 或表单）。 / The body is neither valid JSON nor a form." };
  }
}

/** Only paths inside this site: an open redirect would let a link send a librarian anywhere. */
export function toSafeNext(next: unknown, fallback = "/"): string {
  return typeof next === "string" && /^\/(?![/\\])[^\s]*$/u.test(next) && next.length < 2000 ? next : fallback;
}

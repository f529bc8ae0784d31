import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { getDatabase } from "@/lib/corrections/database";
import { checkCredentials } from "@/lib/librarians/accounts";
import { redirectTo, refuseChange } from "@/lib/librarians/change-response";
import { authorizeChange, CROSS_SITE, isCrossSite, readBody, toSafeNext } from "@/lib/librarians/request-session";
import { createSession, endSession, SESSION_COOKIE, SESSION_HOURS } from "@/lib/librarians/sessions";
import { clearFailures, readRetryAfter, recordFailure } from "@/lib/librarians/sign-in-limit";

export const dynamic = "force-dynamic";

/**
 * POST sign-in (name, password, next) or sign-out (action=sign-out with the CSRF token), from
 * the sign-in form or as JSON. Failures are counted per address and per name (sign-in-limit.ts).
 */
export async function POST(request: NextRequest) {
  const read = await readBody(request);
  if (!read.ok) return refuseChange({ status: 400, code: "invalid_body", message: read.message }, true);
  const json = read.form === null;
  const field = (name: string): string => {
    const value = read.form ? read.form.get(name) : (read.body as Record<string, unknown> | null)?.[name];
    return typeof value === "string" ? value : "";
  };
  const next = toSafeNext(field("next"));
  if (field("action") === "sign-out") {
    const auth = authorizeChange(request, read.form ? field("csrf") : null);
    if (!auth.ok) return refuseChange(auth.refusal, json, next);
    endSession(getDatabase(), request.cookies.get(SESSION_COOKIE)?.value);
    const response = json ? NextResponse.json({ signedOut: true }) : redirectTo(request, next);
    response.cookies.delete(SESSION_COOKIE);
    return response;
  }
  if (isCrossSite(request)) return refuseChange(CROSS_SITE, json, "/librarian/sign-in");
  const db = getDatabase();
  const name = field("name").trim().slice(0, 64);
  const address = readClientAddress(request);
  const wait = readRetryAfter(db, address, name);
  if (wait > 0) {
    const refused = refuseChange({ status: 429, code: "too_many_attempts", message: `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。 / Too many failed sign-ins; retry in ${wait} s.` }, json, "/librarian/sign-in");
    refused.headers.set("Retry-After", String(wait));
    return refused;
  }
  if (!name || !(await checkCredentials(db, name, field("password")))) {
    recordFailure(db, address, name);
    const message = "馆员名或密码不正确。";
    return json ? refuseChange({ status: 401, code: "invalid_credentials", message }, true) : redirectTo(request, `/librarian/sign-in?error=1&next=${encodeURIComponent(next)}`);
  }
  clearFailures(db, name);
  const { token, session } = createSession(db, name);
  const response = json ? NextResponse.json({ librarian: session.librarian, csrfToken: session.csrfToken }, { headers: { "Cache-Control": "no-store" } }) : redirectTo(request, next);
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: SESSION_HOURS * 3600,
    secure: new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  return response;
}

/**
 * The address as the nearest proxy forwarded it, else the socket's (Next sets X-Forwarded-For to
 * it when absent). A client talking to Next directly can forge the header, so the per-address
 * limit only slows an attacker down; the per-name limit is what protects an account.
 */
function readClientAddress(request: NextRequest): string {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",").at(-1)?.trim() || "local";
}

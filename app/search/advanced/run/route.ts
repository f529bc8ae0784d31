import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { buildAdvancedSearch, readAdvancedForm } from "@/lib/app/advanced-search";

export const dynamic = "force-dynamic";

/** GET from the advanced form: 303 to the results in the ordinary query language, or back to the form with what is wrong. */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const built = buildAdvancedSearch(readAdvancedForm(params));
  const back = new URLSearchParams(params);
  back.delete("error");
  if (!built.ok) back.set("error", built.message);
  const target = built.ok ? built.href : `/search/advanced?${back.toString()}`;
  return NextResponse.redirect(new URL(target, request.url), { status: 303, headers: { "Cache-Control": "no-store" } });
}

import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/api/respond";
import { answerSearchQuery } from "@/lib/api/search-answer";

export const dynamic = "force-dynamic";

/**
 * GET /api/search — exactly the parameters of the search page. `npm start` answers plain GETs of
 * this path before Next.js (lib/server/search-fast-path.ts) with the same answer; this handler
 * serves the rest (HEAD, `next dev`, tests calling it directly).
 */
export async function GET(request: NextRequest) {
  return toResponse(await answerSearchQuery(request.nextUrl.searchParams));
}

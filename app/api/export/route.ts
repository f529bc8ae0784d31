import type { NextRequest } from "next/server";
import { answerError, answerFailure } from "@/lib/api/respond";
import type { ExportArticle } from "@/lib/export/export-row";
import { EXPORT_FORMATS, ENCODERS, type ExportFormat } from "@/lib/export/formats";
import { EXPORT_LIMIT, streamExport } from "@/lib/export/stream-export";
import { iterateResultPages } from "@/lib/search/iterate-results";
import { parseSearchRequest } from "@/lib/search/search-request";

export const dynamic = "force-dynamic";

/**
 * GET /api/export?format=csv|jsonl|ris|bibtex&<search parameters> — every hit of the
 * result set (up to EXPORT_LIMIT), streamed. The first page is fetched before the
 * response starts, so bad input and a down engine still get a proper status.
 */
export async function GET(request: NextRequest) {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  const format = params.get("format") ?? "csv";
  params.delete("format");
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return answerError(400, "invalid_parameter", `format: 须为 ${EXPORT_FORMATS.join("、")} 之一`);
  }
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) return answerError(400, "invalid_parameter", parsed.message);
  const pages = iterateResultPages({ ...parsed.request, page: 1 }, EXPORT_LIMIT);
  let first: IteratorResult<ExportArticle[]>;
  try {
    first = await pages.next();
  } catch (error) {
    return answerFailure(error);
  }
  const all = prepend(first, pages);
  const encoder = ENCODERS[format as ExportFormat];
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(streamExport(format as ExportFormat, all, request.nextUrl.origin), {
    headers: {
      "Content-Type": encoder.contentType,
      "Content-Disposition": `attachment; filename="baoku-export-${stamp}.${encoder.extension}"`,
      "Cache-Control": "no-store",
      "X-Export-Limit": String(EXPORT_LIMIT),
    },
  });
}

async function* prepend(first: IteratorResult<ExportArticle[]>, rest: AsyncGenerator<ExportArticle[]>): AsyncGenerator<ExportArticle[]> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

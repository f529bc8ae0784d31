import { NextResponse } from "next/server";
import { EngineUnavailableError, SchemaMismatchError } from "@/lib/search/engine/errors";
import { SearchInputError } from "@/lib/search/search-articles";

/**
 * JSON answers for the API: 400 for bad input with a message naming the
 * parameter, 503 when the engine is down or the index needs a rebuild, 500
 * without internals otherwise. The master key never appears in any of them.
 */
export type ApiError = { error: { code: string; message: string } };

export function answerError(status: number, code: string, message: string): NextResponse<ApiError> {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function answerJson<T>(work: () => Promise<T>): Promise<NextResponse> {
  try {
    return NextResponse.json(await work(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return answerFailure(error);
  }
}

export function answerFailure(error: unknown): NextResponse<ApiError> {
  if (error instanceof SearchInputError) return answerError(400, "invalid_query", error.message);
  if (error instanceof SchemaMismatchError) return answerError(503, "index_outdated", "索引需要重建，请联系管理员。");
  if (error instanceof EngineUnavailableError) return answerError(503, "engine_unavailable", "检索服务暂时不可用，请稍后重试。");
  console.error(error);
  return answerError(500, "internal_error", "服务器内部错误。");
}

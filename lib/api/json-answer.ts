import { EngineUnavailableError, SchemaMismatchError } from "@/lib/search/engine/errors";
import { SearchInputError } from "@/lib/search/search-articles";

/**
 * A JSON answer as plain data, before any server framework turns it into a
 * response: the Next.js route handlers (respond.ts) and the search API's fast
 * path (lib/server/search-fast-path.ts) send the same statuses and bodies.
 */
export type ApiError = { error: { code: string; message: string } };
export type JsonAnswer = { status: number; body: unknown };

/** Every JSON answer is computed per request and must not be cached along the way. */
export const JSON_ANSWER_HEADERS = { "Cache-Control": "no-store" } as const;

export function toErrorAnswer(status: number, code: string, message: string): JsonAnswer & { body: ApiError } {
  return { status, body: { error: { code, message } } };
}

/**
 * 400 for bad input with a message naming the parameter, 503 when the engine
 * is down or the index needs a rebuild, 500 without internals otherwise. The
 * master key never appears in any of them.
 */
export function toFailureAnswer(error: unknown): JsonAnswer & { body: ApiError } {
  if (error instanceof SearchInputError) return toErrorAnswer(400, "invalid_query", error.message);
  if (error instanceof SchemaMismatchError) return toErrorAnswer(503, "index_outdated", "索引需要重建，请联系管理员。");
  if (error instanceof EngineUnavailableError) return toErrorAnswer(503, "engine_unavailable", "检索服务暂时不可用，请稍后重试。");
  console.error(error);
  return toInternalErrorAnswer();
}

/** 500 without internals: what a failure nobody expected answers. */
export function toInternalErrorAnswer(): JsonAnswer & { body: ApiError } {
  return toErrorAnswer(500, "internal_error", "服务器内部错误。");
}

import { NextResponse } from "next/server";
import { JSON_ANSWER_HEADERS, toErrorAnswer, toFailureAnswer, type ApiError, type JsonAnswer } from "./json-answer";

/** JSON answers of the Next.js route handlers; statuses and bodies come from json-answer.ts. */
export type { ApiError } from "./json-answer";

export function answerError(status: number, code: string, message: string): NextResponse<ApiError> {
  return toResponse(toErrorAnswer(status, code, message)) as NextResponse<ApiError>;
}

export async function answerJson<T>(work: () => Promise<T>): Promise<NextResponse> {
  try {
    return NextResponse.json(await work(), { headers: JSON_ANSWER_HEADERS });
  } catch (error) {
    return answerFailure(error);
  }
}

export function answerFailure(error: unknown): NextResponse<ApiError> {
  return toResponse(toFailureAnswer(error)) as NextResponse<ApiError>;
}

export function toResponse(answer: JsonAnswer): NextResponse {
  return NextResponse.json(answer.body, { status: answer.status, headers: JSON_ANSWER_HEADERS });
}

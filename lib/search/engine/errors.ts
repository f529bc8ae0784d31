/** Typed errors for everything that talks to or manages Meilisearch. */

export class EngineError extends Error {
  override name = "EngineError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The engine could not be reached (refused, reset, timed out). Pages answer 503. */
export class EngineUnavailableError extends EngineError {
  override name = "EngineUnavailableError";
}

/** Meilisearch answered, but refused the key: for readers the engine is as good as down. */
export class EngineKeyRejectedError extends EngineUnavailableError {
  override name = "EngineKeyRejectedError";
}

/** Meilisearch answered with an error body. */
export class EngineApiError extends EngineError {
  override name = "EngineApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A Meilisearch task finished as failed or canceled, or did not finish in time. */
export class EngineTaskError extends EngineError {
  override name = "EngineTaskError";
}

/** The index exists but was built with other settings or an older schema. */
export class SchemaMismatchError extends EngineError {
  override name = "SchemaMismatchError";
}

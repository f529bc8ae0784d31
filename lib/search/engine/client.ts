import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTask,
  type Task,
} from "meilisearch";
import { describeEngine, type EngineConnection } from "./engine-connection";
import { EngineApiError, EngineError, EngineKeyRejectedError, EngineTaskError, EngineUnavailableError } from "./errors";
import { createKeepAliveTransport } from "./keep-alive-transport";
import { takeTurn } from "./reader-turns";

export type { EngineConnection } from "./engine-connection";
export type { Task } from "meilisearch";

/**
 * Every call to Meilisearch goes through the official `meilisearch` client,
 * through this one class. It adds what the client leaves to its users: one
 * keep-alive transport (see keep-alive-transport.ts), a timeout per call, and
 * typed errors (errors.ts) that name the engine, so pages can answer 503 and
 * commands can say which setting to fix.
 */

/** `fetch` is the client's own transport, kept so `bench:search` can compare. */
export type EngineTransport = "keep-alive" | "fetch";

export type CallOptions = { timeoutMs?: number };

const DEFAULT_TIMEOUT_MS = 15_000;
/** Long enough for a large document batch to be received and stored. */
export const UPLOAD_TIMEOUT_MS = 120_000;
const TASK_TIMEOUT_MS = 600_000;

export class EngineClient {
  private readonly clients = new Map<number, Meilisearch>();

  constructor(
    readonly connection: EngineConnection,
    private readonly transport: EngineTransport = "keep-alive",
  ) {}

  /** Runs one or more calls on the official client; failures become typed EngineErrors. */
  async call<T>(operation: (meili: Meilisearch) => Promise<T>, options: CallOptions = {}): Promise<T> {
    try {
      // Background work's calls give way to readers' (reader-turns.ts).
      return await takeTurn(() => operation(this.clientWithTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)));
    } catch (error) {
      throw toEngineError(this.connection, error);
    }
  }

  async isHealthy(timeoutMs = 2000): Promise<boolean> {
    try {
      await this.call((meili) => meili.health(), { timeoutMs });
      return true;
    } catch {
      return false;
    }
  }

  /** Enqueues a task and waits for it, failing with the task's own error. */
  async runTask(enqueue: (meili: Meilisearch) => Promise<EnqueuedTask>, timeoutMs = TASK_TIMEOUT_MS): Promise<Task> {
    const enqueued = await this.call(enqueue, { timeoutMs: UPLOAD_TIMEOUT_MS });
    return this.waitForTask(enqueued.taskUid, timeoutMs);
  }

  /**
   * Waits for a task, failing with its own error message when it fails. Polls
   * `getTask` itself: the client's `tasks.waitForTask` (0.62) leaves an abort
   * listener on its signal per poll when a request timeout is set, which Node
   * reports as a leak on long imports.
   */
  async waitForTask(taskUid: number, timeoutMs = TASK_TIMEOUT_MS): Promise<Task> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      const task = await this.call((meili) => meili.tasks.getTask(taskUid));
      if (task.status === "succeeded") return task;
      if (task.status === "failed" || task.status === "canceled") {
        throw new EngineTaskError(`Meilisearch task ${taskUid} (${task.type}) ${task.status}: ${task.error?.message ?? "no reason given"}`, {
          cause: task.error,
        });
      }
      if (Date.now() > deadline) throw new EngineTaskError(`Meilisearch task ${taskUid} (${task.type}) did not finish within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private clientWithTimeout(timeoutMs: number): Meilisearch {
    let client = this.clients.get(timeoutMs);
    if (!client) {
      client = new Meilisearch({
        host: this.connection.url,
        apiKey: this.connection.apiKey,
        timeout: timeoutMs,
        ...(this.transport === "keep-alive" ? { httpClient: createKeepAliveTransport(this.connection) } : {}),
      });
      this.clients.set(timeoutMs, client);
    }
    return client;
  }
}

/** The client's errors as ours; the keep-alive transport already throws ours, wrapped by the client. */
function toEngineError(connection: EngineConnection, error: unknown): unknown {
  if (error instanceof EngineError) return error;
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    const code = error.cause?.code ?? null;
    if (status === 401 || status === 403) {
      return new EngineKeyRejectedError(`${describeEngine(connection)} refused the API key (${code ?? status}). Check ${connection.keySetting ?? "the key"}.`, {
        cause: error,
      });
    }
    return new EngineApiError(`Meilisearch → ${status}: ${error.cause?.message ?? error.message}`, status, code, { cause: error });
  }
  if (error instanceof MeilisearchRequestError) {
    const cause: unknown = error.cause;
    if (cause instanceof EngineError) return cause;
    if (cause instanceof MeilisearchRequestTimeOutError) {
      return new EngineUnavailableError(`${describeEngine(connection)} did not answer within ${cause.cause.timeout} ms.`, { cause: error });
    }
    const reason = cause instanceof Error ? describeFetchFailure(cause) : String(cause);
    return new EngineUnavailableError(`${describeEngine(connection)} is unreachable (${reason}).`, { cause: error });
  }
  return error;
}

/** fetch hides the socket's error code one level down. */
function describeFetchFailure(error: Error): string {
  const inner = error.cause as { code?: string; message?: string } | undefined;
  return inner?.code ?? inner?.message ?? error.message;
}

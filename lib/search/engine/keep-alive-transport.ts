import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import { describeEngine, type EngineConnection } from "./engine-connection";
import { EngineApiError, EngineKeyRejectedError, EngineUnavailableError } from "./errors";

/**
 * The HTTP transport handed to the official client as its `httpClient`.
 *
 * Node's built-in fetch was measured at ~45 ms per small search here against
 * ~1–2 ms for a keep-alive `http` agent (`npm run bench:search` prints both
 * through the official client), so requests go through one shared agent per
 * protocol. https uses Node's TLS trust store, which honours
 * NODE_EXTRA_CA_CERTS for self-signed or private certificates.
 */

export type Transport = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => Promise<unknown>;

/**
 * A call's extra request init (meilisearch-js hands it to the transport with the rest) asking for the
 * answer's strings as byte strings: each UTF-8 byte one Latin-1 character (toByteString's form).
 * Decoding the engine's UTF-8 into text ran at about 200 MB/s here and was most of the verifier's own
 * time; read as Latin-1 and parsed, the same 7 MB listing takes a quarter as long (README, bench:search).
 * Only the verifier asks for it: it looks for the term's bytes and decodes just the documents without them.
 */
export const AS_BYTE_STRINGS = { baokuByteStrings: true } as const;

/** A string's UTF-8 bytes, one Latin-1 character each: the form AS_BYTE_STRINGS answers carry. */
export function toByteString(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

/** The text a byte string stands for. */
export function fromByteString(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("utf8");
}

const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64 } as const;
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgents = new Map<string, https.Agent>();

/** One https agent per trusted extra certificate; the well-known roots stay trusted. */
function findHttpsAgent(ca: string | undefined): https.Agent {
  const key = ca ?? "";
  let agent = httpsAgents.get(key);
  if (!agent) {
    agent = new https.Agent({ ...AGENT_OPTIONS, ...(ca ? { ca: [...tls.rootCertificates, ca] } : {}) });
    httpsAgents.set(key, agent);
  }
  return agent;
}

const NETWORK_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNTRUSTED_CERTIFICATE = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export function createKeepAliveTransport(connection: EngineConnection): Transport {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const agent = url.protocol === "https:" ? findHttpsAgent(connection.ca) : httpAgent;
    const transport = url.protocol === "https:" ? https : http;
    const body = typeof init?.body === "string" ? init.body : undefined;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const method = init?.method ?? "GET";
    const signal = init?.signal ?? undefined;
    const asBytes = (init as Partial<typeof AS_BYTE_STRINGS> | undefined)?.baokuByteStrings === true;

    return new Promise((resolve, reject) => {
      // The official client aborts with its own reason on timeout and recognises it; pass it on unchanged.
      if (signal?.aborted) return reject(signal.reason);
      const request = transport.request(url, { method, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (cause) => reject(new EngineUnavailableError(`${describeEngine(connection)}: the connection broke (${cause.message}).`, { cause })));
        response.on("end", () => {
          const bytes = Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(toApiError(connection, status, bytes.toString("utf8"), method, url));
          const text = bytes.toString(asBytes ? "latin1" : "utf8");
          resolve(text === "" ? undefined : JSON.parse(text));
        });
      });
      const onAbort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : undefined);
      signal?.addEventListener("abort", onAbort, { once: true });
      request.on("close", () => signal?.removeEventListener("abort", onAbort));
      request.on("error", (cause: NodeJS.ErrnoException) => {
        if (signal?.aborted) return reject(signal.reason);
        reject(toUnavailableError(connection, cause));
      });
      if (body !== undefined) request.write(body);
      request.end();
    });
  };
}

function toUnavailableError(connection: EngineConnection, cause: NodeJS.ErrnoException): EngineUnavailableError {
  const code = cause.code ?? "";
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return new EngineUnavailableError(
      `${describeEngine(connection)}: its TLS certificate is not trusted (${code}). ` +
        `Point MEILI_CA_FILE (or NODE_EXTRA_CA_CERTS) at the certificate or its CA in PEM form, or fix the address's host name.`,
      { cause },
    );
  }
  const reason = NETWORK_ERRORS.has(code) ? code : cause.message;
  return new EngineUnavailableError(`${describeEngine(connection)} is unreachable (${reason}).`, { cause });
}

function toApiError(connection: EngineConnection, status: number, text: string, method: string, url: URL): Error {
  let message = text.slice(0, 200);
  let code: string | null = null;
  try {
    const body = JSON.parse(text) as { message?: string; code?: string };
    message = body.message ?? message;
    code = body.code ?? null;
  } catch {
    // Not JSON (a proxy's error page): keep the start of the text.
  }
  if (status === 401 || status === 403) {
    return new EngineKeyRejectedError(
      `${describeEngine(connection)} refused the API key (${code ?? status}: ${message}). ` +
        `Check ${connection.keySetting ?? "the key"}: it must be that engine's master key or a key allowed to search and write.`,
    );
  }
  return new EngineApiError(`Meilisearch ${method} ${url.pathname} → ${status}: ${message}`, status, code);
}

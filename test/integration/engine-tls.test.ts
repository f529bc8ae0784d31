import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEngineClient } from "@/lib/search/connection";
import { EngineClient } from "@/lib/search/engine/client";
import { findFreePort, startEngine } from "@/lib/search/engine/process";
import { uniqueIndexName } from "./helpers";
import { makePage, makeTempDir, removeTempDirs, runCli, type CliRun } from "./ingest-cli-helpers";

/**
 * A hosted engine behind https: Meilisearch started with its own TLS options and a self-signed
 * certificate made here, reached by the ingest CLI (trusting it through NODE_EXTRA_CA_CERTS) and
 * by the search API (trusting it through MEILI_CA_FILE). Wrong settings are named, not dumped.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-tls-"));
const certFile = path.join(root, "cert.pem");
const keyFile = path.join(root, "key.pem");
makeSelfSignedCertificate(certFile, keyFile);
/** Another engine's certificate: trusting it is not trusting this one. */
const otherCertFile = path.join(root, "other-cert.pem");
makeSelfSignedCertificate(otherCertFile, path.join(root, "other-key.pem"));
const engine = await startEngine({ dataDir: path.join(root, "data"), port: 0, tls: { certFile, keyFile } });

// The route handlers read the environment once; it names the https engine before they load.
const indexUid = uniqueIndexName("tls");
process.env.MEILI_URL = engine.url;
process.env.MEILI_MASTER_KEY = engine.masterKey;
process.env.MEILI_CA_FILE = certFile;
process.env.BAOKU_INDEX = indexUid;
const { GET: searchRoute } = await import("@/app/api/search/route");

const https = { MEILI_URL: engine.url, MEILI_MASTER_KEY: engine.masterKey };

function makeSelfSignedCertificate(cert: string, key: string): void {
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
      { stdio: "pipe" },
    );
  } catch (cause) {
    throw new Error("This test makes its certificate with the openssl command; install it (apt-get install openssl; .ci/run does).", { cause });
  }
}

function searchApi(query: string): Promise<Response> {
  return searchRoute(new NextRequest(new URL(`/api/search?${new URLSearchParams({ q: query })}`, "http://localhost:3000")));
}

function expectNamedFailure(run: CliRun, ...phrases: string[]): void {
  expect(run.code).toBe(1);
  for (const phrase of phrases) expect(run.stderr).toContain(phrase);
  expect(run.stderr).not.toMatch(/^\s+at /mu);
}

beforeAll(async () => {
  expect(engine.url).toMatch(/^https:\/\//u);
  const dir = makeTempDir("tls");
  fs.writeFileSync(path.join(dir, "page.txt"), makePage("午地", "天文馆", "周八"));
  const run = await runCli([dir], indexUid, { env: { ...https, NODE_EXTRA_CA_CERTS: certFile } });
  expect(run.stderr).toContain("导入完成");
  expect(run.code).toBe(0);
});

afterAll(async () => {
  setEngineClient(undefined);
  await engine.stop();
  removeTempDirs();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("Meilisearch behind https", () => {
  it("is searched through the API, trusted through MEILI_CA_FILE", async () => {
    const response = await searchApi("午地新建天文馆");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; hits: Array<{ article: { title: string; authors: Array<{ name: string }> } }> };
    expect(body.total).toBe(1);
    expect(body.hits[0]?.article.title).toBe("午地新建天文馆");
    expect(body.hits[0]?.article.authors.map((author) => author.name)).toEqual(["周八"]);
  });

  it("is refused with the setting to fix when its certificate is not trusted", async () => {
    const run = await runCli(["--prune", makeTempDir("tls-untrusted")], indexUid, { env: { ...https, MEILI_CA_FILE: otherCertFile } });
    expectNamedFailure(run, `Meilisearch at ${engine.url} (MEILI_URL)`, "TLS certificate is not trusted", "MEILI_CA_FILE");
  });

  it("names MEILI_MASTER_KEY when the key is wrong", async () => {
    const run = await runCli([makeTempDir("tls-key")], indexUid, { env: { ...https, MEILI_MASTER_KEY: "not-the-key-of-this-engine", NODE_EXTRA_CA_CERTS: certFile } });
    expectNamedFailure(run, "(MEILI_URL) refused the API key", "Check MEILI_MASTER_KEY");
  });

  it("names MEILI_URL when nothing answers there", async () => {
    const closed = `https://localhost:${await findFreePort()}`;
    const run = await runCli([makeTempDir("tls-closed")], indexUid, { env: { ...https, MEILI_URL: closed } });
    expectNamedFailure(run, `Meilisearch at ${closed} (MEILI_URL) is unreachable (ECONNREFUSED)`);
  });

  it("answers 503, not 500, when the engine refuses the app's key", async () => {
    setEngineClient(new EngineClient({ url: engine.url, apiKey: "not-the-key-of-this-engine", ca: engine.ca }));
    try {
      const response = await searchApi("天文馆");
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: "engine_unavailable" } });
    } finally {
      setEngineClient(undefined);
    }
  });
});

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/ingest/pipeline";
import { MAX_URL_LENGTH } from "@/lib/api/request-limits";
import { SECURITY_HEADERS } from "@/lib/app/security-headers";
import { setEngineClient } from "@/lib/search/connection";
import { takeSearchRequest } from "@/lib/server/search-fast-path";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { waitForSettling } from "@/lib/search/settle-later";

// The fast path (what `npm start` serves GET /api/search with) against the Next.js route handler,
// on the same real index: same statuses, bodies and headers; what it does not take reaches the fallback.
process.env.BAOKU_INDEX = uniqueIndexName("fastpath");
const { GET: searchRoute } = await import("@/app/api/search/route");

const client = connectTestEngine();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-fastpath-"));
const fallbackHits: string[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  const lines = Array.from({ length: 120 }, (_, i) =>
    JSON.stringify({
      id: `fp-${i}`,
      date: `2021-0${(i % 9) + 1}-1${i % 10}`,
      title: i % 3 === 0 ? `醫院改革第${i}篇` : `档案整理第${i}篇`,
      author: ["李静", "王海", "赵静茹"][i % 3],
      section: i % 2 === 0 ? "要闻" : "社会",
      source: "测试日报",
      body: `第${i}篇：医院与档案馆合作，整理${i % 4 === 0 ? "小微企业" : "地方志"}资料。`.repeat(1 + (i % 5)),
    }),
  );
  fs.writeFileSync(path.join(dir, "feed.jsonl"), lines.join("\n") + "\n");
  setEngineClient(client);
  const summary = await runIngest({ inputs: [dir], client, indexUid: process.env.BAOKU_INDEX ?? "" });
  expect(summary.articles).toBe(120);
  server = http.createServer((request, response) => {
    if (takeSearchRequest(request, response)) return;
    fallbackHits.push(`${request.method} ${request.url}`);
    response.writeHead(299).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  setEngineClient(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An answer without the field that differs by design (how long this request took). */
function withoutTiming(body: unknown): unknown {
  if (body && typeof body === "object" && "processingTimeMs" in body) return { ...body, processingTimeMs: 0 };
  return body;
}

const QUERIES = [
  "q=医院",
  "q=醫院&size=5&page=2",
  "q=小微企业 -地方志",
  "q=档案&author=李静&sort=newest",
  "q=整理&from=2021-03-01&to=2021-06-30&column=社会",
  "q=合作 NEAR/4 档案",
  "q=档案+整理",
  "q=a%2Bb%20医院&topic=",
  "q=",
  "q=%22unclosed",
  "page=0",
  "q=档案&size=9999",
  "q=档案&from=2021-13-01",
];

describe("GET /api/search through the fast path", () => {
  it("gives the route handler's status and body for every query, good or bad", async () => {
    for (const query of QUERIES) {
      // A first search with a long term may answer before its verification (`exact: false`); both paths are compared settled.
      await fetch(`${base}/api/search?${query}`);
      await waitForSettling();
      const fast = await fetch(`${base}/api/search?${query}`);
      const routed = await searchRoute(new NextRequest(new URL(`/api/search?${query}`, "http://localhost:3000")));
      expect(fast.status, query).toBe(routed.status);
      expect(withoutTiming(await fast.json()), query).toEqual(withoutTiming(await routed.json()));
    }
    expect(fallbackHits).toEqual([]);
  });

  it("sends the security headers, JSON and no-store", async () => {
    const response = await fetch(`${base}/api/search?q=医院`);
    for (const { key, value } of SECURITY_HEADERS) expect(response.headers.get(key)).toBe(value);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("compresses for clients that accept gzip, and only for them", async () => {
    const get = (encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${base}/api/search?q=医院&size=50`, { headers: { "accept-encoding": encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const zipped = await get("gzip, deflate");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    const plain = await get("identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const refused = await get("gzip;q=0");
    expect(refused.headers["content-encoding"]).toBeUndefined();
    const unzipped = JSON.parse(zlib.gunzipSync(zipped.body).toString("utf8"));
    expect(withoutTiming(unzipped)).toEqual(withoutTiming(JSON.parse(plain.body.toString("utf8"))));
    expect(zipped.body.length).toBeLessThan(plain.body.length);
  });

  it("leaves other methods, other paths and requests over the limits to Next.js", async () => {
    fallbackHits.length = 0;
    await fetch(`${base}/api/search?q=医院`, { method: "HEAD" });
    await fetch(`${base}/api/search?q=医院`, { method: "POST", body: "{}" });
    await fetch(`${base}/api/searchers?q=医院`);
    await fetch(`${base}/api/search/x`);
    const long = `${base}/api/search?q=${"档".repeat(Math.ceil(MAX_URL_LENGTH / 9) + 10)}`;
    await fetch(long);
    expect(fallbackHits.map((hit) => `${hit.split("?")[0]} ${hit.length > 1000 ? "long" : ""}`.trim())).toEqual([
      "HEAD /api/search",
      "POST /api/search",
      "GET /api/searchers",
      "GET /api/search/x",
      "GET /api/search long",
    ]);
  });
});

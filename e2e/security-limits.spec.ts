import http from "node:http";
import { expect, test } from "@playwright/test";
import { MAX_API_BODY_BYTES, MAX_URL_LENGTH } from "../lib/api/request-limits";

/**
 * Oversized requests against the running app: each gets a 4xx that names the
 * limit (JSON on the API, a short page for pages), never a 500 or a stack.
 */

type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request through Node's http client, so the body and its declared length are exactly what the test says. */
function sendRaw(baseURL: string, options: { method: string; path: string; headers?: Record<string, string | number>; body?: string }): Promise<RawAnswer> {
  const url = new URL(options.path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: options.method, path: `${url.pathname}${url.search}`, headers: options.headers ?? {}, agent: false },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    // The server may answer and close before a large body is sent: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** `字` percent-encoded, 9 characters, repeated until the URL is over the limit. */
function overlongQuery(): string {
  return "%E5%AD%97".repeat(Math.ceil(MAX_URL_LENGTH / 9) + 10);
}

test("an API URL over the limit gets 414 with a JSON message naming the limit", async ({ request }) => {
  for (const path of ["/api/search", "/api/export", "/api/authors", "/search/authors"]) {
    const response = await request.get(`${path}?q=${overlongQuery()}`);
    expect(response.status(), path).toBe(414);
    const body = await response.json();
    expect(body.error.code).toBe("url_too_long");
    expect(body.error.message).toContain(`上限 ${MAX_URL_LENGTH}`);
    expect(body.error.message).toContain(`the limit is ${MAX_URL_LENGTH}`);
  }
});

test("a page URL over the limit gets a readable 414 page", async ({ page }) => {
  const response = await page.goto(`/search?q=${overlongQuery()}`);
  expect(response?.status()).toBe(414);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("网址过长，无法打开");
  await expect(page.getByRole("alert")).toContainText(`上限 ${MAX_URL_LENGTH}`);
  await page.getByRole("link", { name: "回到首页" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the longest query the search accepts is within the URL limit: it gets the search's own answer, not 414", async ({ request, page }) => {
  const longest = "字".repeat(1000);
  const api = await request.get(`/api/search?q=${encodeURIComponent(longest)}`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("invalid_query");
  const response = await page.goto(`/search?q=${encodeURIComponent(longest)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/查询过长/).first()).toBeVisible();
});

test("other methods than GET on the API get 405 with Allow, in JSON", async ({ request }) => {
  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
    const response = await request.fetch("/api/search?q=x", { method, data: "{}" });
    expect(response.status(), method).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    const body = await response.json();
    expect(body.error.code).toBe("method_not_allowed");
    expect(body.error.message).toContain(`Method ${method} is not allowed`);
  }
  expect((await request.head("/api/search?q=x")).status()).toBe(200);
});

test("a request body over the limit on the API gets 413 naming the limit, even when only announced", async ({ baseURL }) => {
  const base = baseURL ?? "";
  const sent = await sendRaw(base, {
    method: "GET",
    path: "/api/search?q=x",
    headers: { "Content-Type": "text/plain", "Content-Length": MAX_API_BODY_BYTES + 1 },
    body: "x".repeat(MAX_API_BODY_BYTES + 1),
  });
  expect(sent.status).toBe(413);
  expect(JSON.parse(sent.body).error.message).toContain(`the limit is ${MAX_API_BODY_BYTES} bytes`);

  // 100 MB announced, a few bytes sent: refused from the header, without waiting for the body.
  const started = Date.now();
  const announced = await sendRaw(base, { method: "GET", path: "/api/export?format=csv", headers: { "Content-Length": 100 * 1024 * 1024 }, body: "x" });
  expect(announced.status).toBe(413);
  expect(JSON.parse(announced.body).error.code).toBe("body_too_large");
  expect(Date.now() - started).toBeLessThan(10_000);

  const chunked = await sendRaw(base, { method: "GET", path: "/api/search?q=x", headers: { "Transfer-Encoding": "chunked" }, body: "x".repeat(100) });
  expect(chunked.status).toBe(411);

  // A small body is harmless and ignored.
  const small = await sendRaw(base, { method: "GET", path: "/api/search?q=x", headers: { "Content-Length": 2 }, body: "{}" });
  expect(small.status).toBe(200);
});

test("a URL beyond Node's own header limit is refused by Node, never a 500", async ({ baseURL }) => {
  const answer = await sendRaw(baseURL ?? "", { method: "GET", path: `/api/search?q=${"%E5%AD%97".repeat(2500)}` });
  expect(answer.status).toBe(431);
});

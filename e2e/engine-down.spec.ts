import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { PHONE, expectNoSeriousViolations, screenshot } from "./support";

/**
 * A second instance of the built app whose Meilisearch is a closed port:
 * every page must answer 503 with a plain explanation, not a stack trace.
 */

let app: ChildProcess | null = null;
let baseURL = "";

function findClosedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

test.beforeAll(async () => {
  const [appPort, enginePort] = [await findClosedPort(), await findClosedPort()];
  baseURL = `http://localhost:${appPort}`;
  app = spawn("node_modules/.bin/next", ["start", "-H", "localhost", "-p", String(appPort)], {
    env: { ...process.env, MEILI_URL: `http://127.0.0.1:${enginePort}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  await waitForHttp(baseURL, 60_000);
});

test.afterAll(() => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
});

test("every page answers 503 with the engine-down page", async ({ request }) => {
  for (const path of ["/", "/search?q=%E6%B1%9F%E5%9F%8E", "/articles/s066971-20190221-01-01", "/browse/2019-02-21"]) {
    const response = await request.get(baseURL + path);
    expect(response.status(), path).toBe(503);
    const body = await response.text();
    expect(body).toContain("检索服务暂时不可用");
    expect(body).not.toMatch(/ECONNREFUSED|at \w+ \(|\.ts:\d+/);
  }
  const authors = await request.get(`${baseURL}/search/authors?authorq=%E6%9D%8E`);
  expect(authors.status()).toBe(503);
  expect(await authors.json()).toEqual({ error: "检索服务暂时不可用" });
});

for (const viewport of [
  { label: "desktop", size: { width: 1280, height: 900 } },
  { label: "phone", size: PHONE },
]) {
  test(`the engine-down page is clear and accessible (${viewport.label})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: viewport.size, locale: "zh-CN" });
    const page = await context.newPage();
    const response = await page.goto(`${baseURL}/search?q=${encodeURIComponent("江城")}`);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("检索服务暂时不可用");
    await expect(page.getByRole("link", { name: "重试" })).toHaveAttribute("href", "/search?q=%E6%B1%9F%E5%9F%8E");
    await expectNoSeriousViolations(page, `engine down (${viewport.label})`);
    await screenshot(page, `engine-down-${viewport.label}`);
    await context.close();
  });
}

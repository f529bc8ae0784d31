import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";

/**
 * `npm run bench:page -- --url http://localhost:3000`: the JavaScript the
 * results page sends to the browser (compressed and raw kB) and how soon the
 * first result is visible on a cold load, measured in Debian's Chromium.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: "string", default: "http://localhost:3000" }, q: { type: "string", default: "春运" }, runs: { type: "string", default: "5" } } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const target = `${values.url}/search?q=${encodeURIComponent(values.q)}`;
    const times: number[] = [];
    let scriptBytes = 0;
    let scriptTransfer = 0;
    let scripts = 0;
    for (let run = 0; run < Number(values.runs); run++) {
      // A new context each run: empty cache, so every load is cold.
      const context = await browser.newContext();
      const page = await context.newPage();
      const client = await context.newCDPSession(page);
      await client.send("Network.enable");
      const transfers = new Map<string, number>();
      client.on("Network.loadingFinished", (event: { requestId: string; encodedDataLength: number }) => transfers.set(event.requestId, event.encodedDataLength));
      const scriptIds: Array<{ id: string; url: string }> = [];
      client.on("Network.responseReceived", (event: { requestId: string; type: string; response: { url: string } }) => {
        if (event.type === "Script") scriptIds.push({ id: event.requestId, url: event.response.url });
      });
      const started = Date.now();
      await page.goto(target, { waitUntil: "commit" });
      await page.getByTestId("result").first().waitFor({ state: "visible", timeout: 30_000 });
      times.push(Date.now() - started);
      await page.waitForLoadState("networkidle");
      if (run === 0) {
        scripts = scriptIds.length;
        for (const script of scriptIds) {
          scriptTransfer += transfers.get(script.id) ?? 0;
          const body = await client.send("Network.getResponseBody", { requestId: script.id }).catch(() => null);
          scriptBytes += body ? Buffer.byteLength(body.body, body.base64Encoded ? "base64" : "utf8") : 0;
        }
      }
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`results page ${target}`);
    console.log(`JavaScript: ${scripts} files, ${(scriptTransfer / 1024).toFixed(1)} kB transferred, ${(scriptBytes / 1024).toFixed(1)} kB uncompressed`);
    console.log(`first result visible (cold, ${times.length} runs): median ${times[Math.floor(times.length / 2)]} ms, worst ${times[times.length - 1]} ms`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

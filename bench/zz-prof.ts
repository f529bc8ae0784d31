import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { EngineClient } from "@/lib/search/engine/client";
import { readLiveLock } from "@/lib/search/engine/lock";
import { drawLoadRequests } from "./load-requests";
const autocannon = createRequire(import.meta.url)("autocannon") as (o: object, cb: (e: unknown, r: { requests: { total: number } }) => void) => void;
const dataDir = ".data/bench-load";
const lock = readLiveLock(path.resolve(dataDir))!;
const engine = new EngineClient({ url: lock.url, apiKey: fs.readFileSync(path.join(dataDir, "master-key"), "utf8").trim() });
const prefix = process.argv[2] ?? "/search";
const warmPrefix = process.argv[3];
const requests = await drawLoadRequests(engine, "articles", 1200, Number(process.env.SEED ?? 12));
const paths = requests.map((r) => `${prefix}?${r.query}`);
if (warmPrefix) {
  const warmPaths = requests.map((r) => `${warmPrefix}?${r.query}`);
  let i = 0;
  await Promise.all(Array.from({ length: 8 }, async () => { while (i < warmPaths.length) { const p = warmPaths[i++]; await (await fetch(`http://localhost:3310${p}`, { headers: { accept: "text/html" } })).text(); } }));
  console.log("warmed");
}
let next = 0;
const secs = Number(process.env.SECS ?? 15);
autocannon({ url: "http://localhost:3310", connections: 50, duration: secs, requests: [{ setupRequest: (r: object) => ({ ...r, path: paths[next++ % paths.length] }) }] }, (e, r) => {
  console.log(prefix, "requests", r.requests.total, "rps", (r.requests.total / secs).toFixed(0));
});

import fs from "node:fs";
import path from "node:path";
import { ConfigError, readEnv, resolveDataDir } from "@/lib/config/env";
import { EngineClient } from "./engine/client";
import { EngineUnavailableError } from "./engine/errors";
import { readLiveLock } from "./engine/lock";

/**
 * Which Meilisearch to talk to: MEILI_URL/MEILI_MASTER_KEY when set, otherwise
 * the one `npm start` runs on the data folder (found through its lock file).
 */
let cached: EngineClient | undefined;

export function getEngineClient(): EngineClient {
  if (cached) return cached;
  const env = readEnv();
  if (env.MEILI_URL) {
    cached = new EngineClient({
      url: env.MEILI_URL,
      apiKey: env.MEILI_MASTER_KEY ?? "",
      urlSetting: "MEILI_URL",
      keySetting: "MEILI_MASTER_KEY",
      ...(env.MEILI_CA_FILE ? { ca: readCertificate(env.MEILI_CA_FILE) } : {}),
    });
    return cached;
  }
  const dataDir = resolveDataDir(env);
  const lock = readLiveLock(dataDir);
  if (!lock) {
    throw new EngineUnavailableError(
      `No Meilisearch is configured: MEILI_URL is not set and none is running on ${dataDir}. Start the app with \`npm start\`.`,
    );
  }
  const apiKey = fs.readFileSync(path.join(dataDir, "master-key"), "utf8").trim();
  cached = new EngineClient({ url: lock.url, apiKey });
  return cached;
}

function readCertificate(file: string): string {
  try {
    const pem = fs.readFileSync(file, "utf8");
    if (pem.includes("-----BEGIN CERTIFICATE-----")) return pem;
  } catch (cause) {
    throw new ConfigError(`MEILI_CA_FILE=${file} cannot be read (${(cause as Error).message}).`);
  }
  throw new ConfigError(`MEILI_CA_FILE=${file} is not a PEM certificate (no "BEGIN CERTIFICATE" line).`);
}

/** For tests and scripts that start their own engine. */
export function setEngineClient(client: EngineClient | undefined): void {
  cached = client;
}

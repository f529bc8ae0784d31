import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Environment, validated once. Every setting has a working default so that a
 * fresh clone runs with no configuration.
 */
const EnvSchema = z.object({
  /** Use an existing Meilisearch instead of starting one. */
  MEILI_URL: z.url({ protocol: /^https?$/, error: "MEILI_URL must be an http:// or https:// address" }).optional(),
  MEILI_MASTER_KEY: z.string().min(16, "MEILI_MASTER_KEY must be at least 16 bytes").optional(),
  /** A PEM certificate (or CA) to trust for an https MEILI_URL, besides the usual ones (or use NODE_EXTRA_CA_CERTS). */
  MEILI_CA_FILE: z.string().min(1).optional(),
  /** A JSON file listing several engines and what each holds (engines-config.ts); replaces MEILI_URL. */
  BAOKU_ENGINES: z.string().min(1).optional(),
  /** Port for the Meilisearch the project starts; 0 picks a free one. */
  MEILI_PORT: z.coerce.number().int().min(0).max(65535).default(7701),
  /** Folder for Meilisearch data and the generated key (git-ignored). */
  BAOKU_DATA_DIR: z.string().min(1).default(".data"),
  /** Name of the articles index (an alias-like pointer: rebuilds swap into it). */
  BAOKU_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "BAOKU_INDEX may use letters, digits, - and _ only")
    .default("articles"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Keep term verdicts in the data folder for every server process (verdict-store.ts); `npm start` sets it. */
  BAOKU_SHARED_VERDICTS: z
    .enum(["0", "1"], { error: "BAOKU_SHARED_VERDICTS must be 0 or 1" })
    .default("0")
    .transform((value) => value === "1"),
  /**
   * Server processes sharing PORT (scripts/serve.ts). One Node process uses one core; two on this
   * 2-core machine served 1.4× the API searches of one under load (README, "Under load").
   */
  BAOKU_WORKERS: z.coerce.number().int().min(1, "BAOKU_WORKERS must be at least 1").max(64).default(Math.min(2, os.availableParallelism())),
  /**
   * Megabytes of rendered results pages each server process keeps (page-cache.ts); 0 keeps none.
   * A results page is 20–100 kB here; its gzipped pieces, once asked for, add about a fifth.
   */
  BAOKU_PAGE_CACHE_MB: z.coerce.number({ error: "BAOKU_PAGE_CACHE_MB must be a number of megabytes" }).min(0).max(16_384).default(64),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

let cached: Env | undefined;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

export function resolveDataDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.BAOKU_DATA_DIR);
}

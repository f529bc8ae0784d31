import fs from "node:fs";
import { z } from "zod";
import { ConfigError } from "./env";

/**
 * BAOKU_ENGINES: a JSON file naming the engines an archive is spread over and
 * what each holds, validated once. For example:
 *
 *   { "engines": [
 *     { "name": "early", "url": "https://meili-1.example:7700", "key": "…", "holds": { "to": "1999-12-31" } },
 *     { "name": "xwlb",  "url": "https://meili-2.example:7700", "key": "…", "holds": { "papers": ["新闻联播"] } },
 *     { "name": "rest",  "url": "https://meili-3.example:7700", "key": "…" } ] }
 *
 * An article goes to the first engine whose holding takes it; at most one
 * engine, the last, may hold "everything else" (no `holds`).
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "a date as YYYY-MM-DD");

const HoldingSchema = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    papers: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((holds) => holds.from !== undefined || holds.to !== undefined || holds.papers !== undefined, "holds needs from, to or papers")
  .refine((holds) => holds.from === undefined || holds.to === undefined || holds.from <= holds.to, "from is after to");

const EngineSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/u, "letters, digits, - and _ (at most 32)"),
    url: z.url({ protocol: /^https?$/, error: "an http:// or https:// address" }),
    key: z.string().min(16, "the engine's master key (at least 16 bytes)"),
    /** A PEM file to trust for this engine's https certificate. */
    caFile: z.string().min(1).optional(),
    holds: HoldingSchema.optional(),
  })
  .strict();

const EnginesSchema = z
  .object({ engines: z.array(EngineSchema).min(2, "list at least two engines (with one, use MEILI_URL)") })
  .strict()
  .superRefine(({ engines }, context) => {
    const names = engines.map((engine) => engine.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) context.addIssue({ code: "custom", path: ["engines", i, "name"], message: `"${name}" is used twice` });
    });
    engines.forEach((engine, i) => {
      if (!engine.holds && i !== engines.length - 1) {
        context.addIssue({ code: "custom", path: ["engines", i, "holds"], message: "only the last engine may hold everything else (no holds)" });
      }
    });
  });

export type EngineConfig = z.infer<typeof EngineSchema> & { ca?: string };

/** Reads and checks the file; every problem is named with its place in the file. */
export function readEnginesConfig(file: string): EngineConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (cause) {
    throw new ConfigError(`BAOKU_ENGINES=${file} cannot be read as JSON (${(cause as Error).message}).`);
  }
  const parsed = EnginesSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new ConfigError(`BAOKU_ENGINES=${file} is not a valid engine list:\n${lines.join("\n")}`);
  }
  return parsed.data.engines.map((engine) => ({ ...engine, ...(engine.caFile ? { ca: readPem(engine.caFile, `BAOKU_ENGINES ${engine.name}.caFile`) } : {}) }));
}

/** A PEM certificate file, or a ConfigError naming the setting it came from. */
export function readPem(file: string, setting: string): string {
  let pem: string;
  try {
    pem = fs.readFileSync(file, "utf8");
  } catch (cause) {
    throw new ConfigError(`${setting}=${file} cannot be read (${(cause as Error).message}).`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new ConfigError(`${setting}=${file} is not a PEM certificate (no "BEGIN CERTIFICATE" line).`);
  return pem;
}

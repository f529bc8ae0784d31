import fs from "node:fs";
import path from "node:path";

/** Where scripts/build-islands.ts writes the islands' bundles and their manifest (inside Next's build folder, so a new build replaces them). */
export const ISLANDS_DIR = ".next/islands";
export const ISLANDS_MANIFEST = `${ISLANDS_DIR}/manifest.json`;
/** The results page's server module (search-page-fast-path.ts as built), loaded by scripts/serve.ts. */
export const SEARCH_PAGE_SERVER_FILE = "search-page-server.mjs";
/** The URL path the fast path serves them under. */
export const ISLANDS_URL_PREFIX = "/_islands/";

/** Island name → hashed file name. */
export type IslandsManifest = Record<string, string>;

/** The built islands, or null when there is no build of them (the fast path then leaves pages to Next.js). */
export function readIslandsManifest(root = process.cwd()): IslandsManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, ISLANDS_MANIFEST), "utf8")) as IslandsManifest;
  } catch {
    return null;
  }
}

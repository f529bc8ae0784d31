import fs from "node:fs";
import path from "node:path";
import { build, type BuildOptions } from "esbuild";
import { ISLANDS_DIR, ISLANDS_MANIFEST, SEARCH_PAGE_SERVER_FILE, type IslandsManifest } from "@/lib/server/islands";

/**
 * Builds what serves the results page outside Next.js (lib/server/search-page-fast-path.ts) into
 * .next/islands: the browser script that hydrates its filter panel (hashed, listed in the
 * manifest) and the server module that renders it. Run after `next build` (npm run build,
 * scripts/start.ts). In both, next/link is a plain link and next/navigation makes full page
 * loads: such a page has no Next.js router, and server and browser must render the same links.
 */

const NO_NEXT_ROUTER = { "next/link": "./components/islands/plain-link.tsx", "next/navigation": "./components/islands/full-page-router.ts" };

const SHARED: BuildOptions = {
  bundle: true,
  format: "esm",
  jsx: "automatic",
  target: ["es2022"],
  alias: NO_NEXT_ROUTER,
  logLevel: "warning",
};

async function main(): Promise<void> {
  const outdir = path.resolve(ISLANDS_DIR);
  fs.rmSync(outdir, { recursive: true, force: true });
  const browser = await build({
    ...SHARED,
    entryPoints: { facets: "components/islands/facets-island.tsx" },
    platform: "browser",
    minify: true,
    outdir,
    entryNames: "[name]-[hash]",
    metafile: true,
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await build({
    ...SHARED,
    entryPoints: ["lib/server/search-page-fast-path.ts"],
    platform: "node",
    // Packages stay Node's to load (native ones included); only the project's own code is bundled.
    packages: "external",
    outfile: path.join(outdir, SEARCH_PAGE_SERVER_FILE),
  });
  const manifest: IslandsManifest = {};
  for (const [file, output] of Object.entries(browser.metafile.outputs)) {
    if (output.entryPoint) manifest[path.basename(file).replace(/-[A-Z0-9]+\.js$/i, "")] = path.basename(file);
  }
  fs.writeFileSync(path.resolve(ISLANDS_MANIFEST), JSON.stringify(manifest, null, 2));
  process.stderr.write(`[baoku] islands built: ${[...Object.values(manifest), SEARCH_PAGE_SERVER_FILE].join(", ")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`islands build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

type ManifestEntry = { entryCSSFiles?: Record<string, Array<{ path: string; inlined: boolean }>> };

/**
 * The stylesheets Next.js built for the root layout (Tailwind's output), as URL paths, read from
 * the results page's client reference manifest; null when the build has none or inlines them.
 * The results page's fast path links the same files as Next's own pages.
 */
export function readLayoutStylesheets(root = process.cwd()): string[] | null {
  const file = path.join(root, ".next/server/app/search/page_client-reference-manifest.js");
  try {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST; run it in an empty context.
    const context: { __RSC_MANIFEST?: Record<string, ManifestEntry> } = {};
    vm.runInNewContext(fs.readFileSync(file, "utf8"), context);
    const files = context.__RSC_MANIFEST?.["/search/page"]?.entryCSSFiles?.["[project]/app/layout"];
    if (!files || files.length === 0 || files.some((css) => css.inlined)) return null;
    return files.map((css) => `/_next/${css.path}`);
  } catch {
    return null;
  }
}

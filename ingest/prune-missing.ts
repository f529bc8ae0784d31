import fs from "node:fs";
import type { Shard } from "@/lib/search/shards";
import { deleteByFilter } from "@/lib/search/index-admin";
import type { InputRoot } from "./discover";
import { buildFilterIn } from "./filter-lists";
import { listIndexedSourcePaths } from "./indexed-files";
import { isInside } from "./out-path";

/**
 * --prune: remove the articles whose source file is gone, looking only inside the inputs
 * of this run. Paths are compared canonically, so neither the working folder nor the way
 * an input was spelled changes what is removed; articles from other folders are never
 * touched, and an input that is missing (an unmounted disk) is not pruned at all.
 */

export type PruneResult = { articles: number; inputs: string[] };

export async function pruneMissingFiles(shards: readonly Shard[], indexUid: string, roots: readonly InputRoot[]): Promise<PruneResult> {
  const inputs = roots.map((root) => root.input);
  const [first] = shards;
  if (roots.length === 0 || !first) return { articles: 0, inputs };
  const indexed = await listIndexedSourcePaths({ client: first.client, indexUid, shards });
  const gone = [...indexed.entries()].filter(
    ([sourcePath]) => roots.some((root) => isInside(root.canonicalPath, sourcePath)) && isGone(sourcePath),
  );
  for (let start = 0; start < gone.length; start += 200) {
    const chunk = gone.slice(start, start + 200).map(([sourcePath]) => sourcePath);
    for (const shard of shards) await deleteByFilter(shard.client, indexUid, buildFilterIn("sourcePath", chunk));
  }
  return { articles: gone.reduce((sum, [, count]) => sum + count, 0), inputs };
}


/** Only a file that is really not there is gone; one we may not look at (EACCES, …) is kept. */
export function isGone(sourcePath: string): boolean {
  try {
    fs.statSync(sourcePath);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR";
  }
}

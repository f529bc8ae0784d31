import fs from "node:fs";
import path from "node:path";

/** `.txt` files under `root`, as sorted paths relative to it with `/` separators (the corpus's own layout, whatever the OS). */
export function listTextFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".txt"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

import fs from "node:fs";
import path from "node:path";
import type { GeneratedPage } from "@/lib/segmenter/labels";

/** Writes each page as `<dir>/<name>` (the text) and `<dir>/labels/<name>.json` (the page without its text). */
export function writePages(dir: string, pages: readonly GeneratedPage[]): void {
  fs.mkdirSync(path.join(dir, "labels"), { recursive: true });
  for (const page of pages) {
    const { text, ...labels } = page;
    fs.writeFileSync(path.join(dir, page.name), text);
    fs.writeFileSync(path.join(dir, "labels", `${page.name}.json`), `${JSON.stringify(labels, null, 1)}\n`);
  }
}

import fs from "node:fs";
import readline from "node:readline";
import zlib from "node:zlib";
import { blocksToPlainText, type Article } from "@/lib/article/types";

/**
 * The scale corpus: parsed articles replicated into a JSON Lines feed with
 * distinct ids and dates shifted by whole years per copy, in the feed format
 * the importer reads, so the replicas go through the whole real pipeline.
 */

export async function readArticles(file: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
    if (line.trim()) articles.push(JSON.parse(line) as Article);
  }
  if (articles.length === 0) throw new Error(`${file} holds no articles`);
  return articles;
}

/** Writes replicas number `from` (inclusive) to `to` (exclusive): replica n is copy ⌊n / articles⌋ of article n mod articles. */
export async function writeReplicaFeed(articles: readonly Article[], from: number, to: number, outFile: string): Promise<void> {
  const gzip = zlib.createGzip({ level: 1 });
  const out = fs.createWriteStream(outFile);
  gzip.pipe(out);
  for (let n = from; n < to; n++) {
    const copy = Math.floor(n / articles.length);
    const article = articles[n % articles.length] as Article;
    const line = JSON.stringify({
      id: `${article.id}-c${copy}`,
      date: shiftYears(article.date, copy),
      title: article.title,
      author: article.authors.map((author) => author.name).join("、"),
      section: article.column,
      source: article.source,
      body: blocksToPlainText(article.blocks),
    });
    if (!gzip.write(line + "\n")) await new Promise((resolve) => gzip.once("drain", resolve));
  }
  gzip.end();
  await new Promise<void>((resolve, reject) => {
    out.once("finish", () => resolve());
    out.once("error", reject);
  });
}

/** Copy k lives k years later (Feb 29 becomes Feb 28 where needed), so date facets spread out. */
export function shiftYears(date: string | null, years: number): string | null {
  if (!date || years === 0) return date;
  const [year, month, day] = date.split("-").map(Number);
  const shifted = new Date(Date.UTC((year ?? 2000) + years, (month ?? 1) - 1, day ?? 1));
  if (shifted.getUTCDate() !== day) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

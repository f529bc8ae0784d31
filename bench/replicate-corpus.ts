import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { blocksToPlainText, type Article } from "@/lib/article/types";

/**
 * Scale corpus generator: replicates parsed articles (JSON Lines from
 * `npm run ingest -- --dry-run --out articles.jsonl …`) into a feed of
 * `--target` articles with distinct ids and dates shifted by whole years per
 * copy, in the JSON Lines feed format the importer reads.
 *
 *   npx tsx bench/replicate-corpus.ts --from articles.jsonl --target 500000 --out .data/scale.jsonl.gz
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: "string" }, target: { type: "string", default: "500000" }, out: { type: "string" } } });
  if (!values.from || !values.out) {
    console.error("usage: --from articles.jsonl --out scale.jsonl.gz [--target 500000]");
    process.exit(2);
  }
  const target = Number(values.target);
  const articles: Article[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(values.from) })) {
    if (line.trim()) articles.push(JSON.parse(line) as Article);
  }
  if (articles.length === 0) throw new Error(`${values.from} holds no articles`);
  const gzip = zlib.createGzip({ level: 1 });
  const out = fs.createWriteStream(values.out);
  gzip.pipe(out);
  for (let written = 0; written < target; written++) {
    const copy = Math.floor(written / articles.length);
    const article = articles[written % articles.length] as Article;
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
  await new Promise<void>((resolve) => out.once("finish", () => resolve()));
  console.log(`wrote ${target} articles (${Math.ceil(target / articles.length)} copies of ${articles.length}) to ${values.out}`);
}

/** Copy k lives k years later (Feb 29 becomes Feb 28 where needed), so date facets spread out. */
function shiftYears(date: string | null, years: number): string | null {
  if (!date || years === 0) return date;
  const [year, month, day] = date.split("-").map(Number);
  const shifted = new Date(Date.UTC((year ?? 2000) + years, (month ?? 1) - 1, day ?? 1));
  if (shifted.getUTCDate() !== day) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

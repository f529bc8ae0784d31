import { parseArgs } from "node:util";
import { readArticles, writeReplicaFeed } from "./scale-corpus";

/**
 * Scale corpus generator: replicates parsed articles (JSON Lines from
 * `npm run ingest -- --dry-run --out articles.jsonl …`) into a feed of
 * `--target` articles with distinct ids and dates shifted by whole years per
 * copy. `npm run bench:scale` uses the same generator and runs everything.
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
  const articles = await readArticles(values.from);
  await writeReplicaFeed(articles, 0, target, values.out);
  console.log(`wrote ${target} articles (${Math.ceil(target / articles.length)} copies of ${articles.length}) to ${values.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

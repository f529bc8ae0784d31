import type { MultiSearchParams } from "meilisearch";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { tokenizeNormalized } from "./quality-char-tokens";
import { encodeChar } from "@/lib/search/coded-chars";
import { EngineClient } from "@/lib/search/engine/client";
import { startEngine } from "@/lib/search/engine/process";
import { normalizeText } from "@/lib/text/normalize";

/**
 * `tsx bench/quality-folding.ts [--articles FILE]`: which characters does
 * Meilisearch's own tokenizer fold together? Indexes every distinct
 * normalised character of the corpus as a one-token document, raw (as the
 * char-token design did, Chinese locale) and letter-coded (coded-chars.ts),
 * then searches each one: a query returning another character's document is
 * a fold the engine makes and our normalisation does not.
 */

type Variant = { name: string; token: (char: string) => string; locales: string[] };

const VARIANTS: Variant[] = [
  { name: "raw characters (cmn)", token: (char) => char, locales: ["cmn"] },
  { name: "letter-coded (eng)", token: encodeChar, locales: ["eng"] },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: "string", default: ".data/bench/articles-all.jsonl" } } });
  const chars = collectCharacters(values.articles);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baoku-folding-"));
  const engine = await startEngine({ dataDir, port: 0 });
  try {
    const client = new EngineClient({ url: engine.url, apiKey: engine.masterKey });
    for (const variant of VARIANTS) {
      const folds = await findFolds(client, variant, chars);
      process.stdout.write(`${variant.name}: ${folds.length} of ${chars.length} characters also match others\n`);
      for (const fold of folds.slice(0, 80)) process.stdout.write(`  ${fold}\n`);
    }
  } finally {
    await engine.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Distinct single-character tokens of the corpus (punctuation markers excluded: they are letters already). */
function collectCharacters(file: string): string[] {
  const chars = new Set<string>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const article = JSON.parse(line) as Article;
    const text = [article.title, article.kicker ?? "", article.subtitle ?? "", blocksToPlainText(article.blocks), ...article.authors.map((author) => author.name)].join("\n");
    for (const token of tokenizeNormalized(normalizeText(text))) if ([...token].length === 1) chars.add(token);
  }
  return [...chars].sort();
}

async function findFolds(client: EngineClient, variant: Variant, chars: readonly string[]): Promise<string[]> {
  const uid = `folding_${variant.locales[0]}`;
  await client.runTask((meili) => meili.createIndex(uid, { primaryKey: "id" }));
  await client.runTask((meili) => meili.index(uid).updateSettings({
    searchableAttributes: ["t"],
    typoTolerance: { enabled: false },
    prefixSearch: "disabled",
    localizedAttributes: [{ attributePatterns: ["t"], locales: variant.locales }],
  }));
  const documents = chars.map((char, id) => ({ id, t: variant.token(char) }));
  await client.runTask((meili) => meili.index(uid).addDocuments(documents), 600_000);
  const folds: string[] = [];
  for (let start = 0; start < chars.length; start += 500) {
    const queries = chars.slice(start, start + 500).map((char) => ({
      indexUid: uid,
      q: `"${variant.token(char)}"`,
      locales: variant.locales,
      attributesToRetrieve: ["id"],
      limit: 50,
    }));
    const response = await client.call((meili) => meili.multiSearch<MultiSearchParams, { id: number }>({ queries }));
    response.results.forEach((result, offset) => {
      const id = start + offset;
      const ids = result.hits.map((hit) => hit.id);
      if (ids.length !== 1 || ids[0] !== id) {
        folds.push(`${chars[id]} (U+${(chars[id]?.codePointAt(0) ?? 0).toString(16)}) → ${ids.map((other) => chars[other]).join(" ")}`);
      }
    });
  }
  return folds;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * Topic agreement with the hand-labelled sample, and optionally speed over the
 * whole corpus.
 *
 *   npx tsx bench/eval-topics.ts                 agreement (tuning / held-out / all)
 *   npx tsx bench/eval-topics.ts --errors        also list tuning-half disagreements
 *   npx tsx bench/eval-topics.ts --errors=holdout  list held-out (or =fresh) disagreements; look only once tuning is over
 *   npx tsx bench/eval-topics.ts --speed         time assignTopics over all rmrb + xwlb articles
 */
import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { DEFAULT_DATA_DIR, evaluateTopics, hasSharedData, type Agreement } from "../lib/article/topics-eval";
import { assignTopics, TOPICS, type Topic, type TopicInput } from "../lib/article/topics";

function formatAgreement(name: string, agreement: Agreement): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);
  return `${name.padEnd(9)} n=${String(agreement.articles).padStart(3)}  primary ${pct(agreement.primaryAccuracy)}  precision ${pct(agreement.precision)}  recall ${pct(agreement.recall)}  F1 ${pct(agreement.f1)}`;
}

async function listRmrbFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".txt"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function* readCorpus(dataDir: string): AsyncGenerator<TopicInput> {
  for (const file of await listRmrbFiles(path.join(dataDir, "rmrb"))) {
    const lines = (await readFile(file, "utf8")).split(/\r?\n/);
    yield {
      kicker: lines[0]?.trim() || null,
      title: lines[1]?.trim() ?? "",
      subtitle: lines[2]?.trim() || null,
      body: lines.slice(3).join("\n"),
    };
  }
  const lines = createInterface({
    input: createReadStream(path.join(dataDir, "xwlb", "xwlb.jsonl.gz")).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    const record = JSON.parse(line) as { title: string; section: string | null; body: string };
    yield { title: record.title, body: record.body, column: record.section };
  }
}

async function measureSpeed(dataDir: string): Promise<void> {
  const primaryCounts = new Map<Topic, number>(TOPICS.map((topic) => [topic, 0]));
  let articles = 0;
  let characters = 0;
  let elapsed = 0;
  let slowest = 0;
  let topicTotal = 0;
  for await (const input of readCorpus(dataDir)) {
    const started = performance.now();
    const topics = assignTopics(input);
    const took = performance.now() - started;
    elapsed += took;
    slowest = Math.max(slowest, took);
    articles += 1;
    characters += input.body.length + input.title.length;
    topicTotal += topics.length;
    const primary = topics[0] as Topic;
    primaryCounts.set(primary, (primaryCounts.get(primary) ?? 0) + 1);
  }
  console.log(
    `\nspeed: ${articles} articles, ${(characters / 1e6).toFixed(1)} M chars, ${elapsed.toFixed(0)} ms in assignTopics` +
      ` → ${((elapsed / articles) * 1000).toFixed(1)} µs/article (slowest ${slowest.toFixed(2)} ms), ${(topicTotal / articles).toFixed(2)} topics/article`,
  );
  console.log("primary topic distribution:");
  for (const [topic, count] of [...primaryCounts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${topic.padEnd(5, "　")} ${String(count).padStart(6)}  ${((count / articles) * 100).toFixed(1)}%`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dataDir = DEFAULT_DATA_DIR;
  if (!hasSharedData(dataDir)) {
    console.error(`shared data not found at ${dataDir}; nothing to evaluate`);
    process.exitCode = 1;
    return;
  }
  const evaluation = await evaluateTopics({ dataDir });
  console.log(formatAgreement("tuning", evaluation.tune));
  console.log(formatAgreement("held-out", evaluation.holdout));
  console.log(formatAgreement("fresh", evaluation.fresh));
  console.log(formatAgreement("all", evaluation.all));

  const errorsArg = args.find((arg) => arg.startsWith("--errors"));
  if (errorsArg) {
    const split = errorsArg.includes("=") ? errorsArg.split("=")[1] : "tune";
    const shown = evaluation.outcomes.filter(
      (outcome) =>
        (split === "all" || outcome.split === split) &&
        (outcome.labelled.join() !== outcome.assigned.join() || !outcome.labelled.includes(outcome.assigned[0] as Topic)),
    );
    console.log(`\n${split} articles where assigned ≠ labelled (${shown.length}):`);
    for (const outcome of shown) {
      const mark = outcome.labelled.includes(outcome.assigned[0] as Topic) ? " " : "✗";
      console.log(`${mark} ${outcome.labelled.join("/").padEnd(16, "　")} → ${outcome.assigned.join("/").padEnd(16, "　")} ${outcome.headline.slice(0, 40)}  [${outcome.ref}]`);
    }
  }
  if (args.includes("--speed")) await measureSpeed(dataDir);
}

await main();

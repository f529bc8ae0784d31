import { createReadStream, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { assignTopics, TOPICS, type Topic, type TopicInput } from "./topics";

/**
 * Agreement of `assignTopics` with the hand-labelled sample in
 * test/fixtures/topics-labelled.json. The fixture holds references only; the
 * articles are read from the shared data beside the checkout (../shared/data).
 */

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../shared/data", import.meta.url));
export const LABELLED_SAMPLE_PATH = fileURLToPath(new URL("../../test/fixtures/topics-labelled.json", import.meta.url));

type SampleRef =
  | { source: "rmrb"; path: string }
  | { source: "xwlb"; id: string }
  | { source: "page"; page: string; article: number };

/**
 * tune: used to adjust the method. holdout: the other half of the first sample, only measured.
 * fresh: drawn and labelled after the lexicon was written, only measured.
 */
export type SampleSplit = "tune" | "holdout" | "fresh";

export type LabelledArticle = SampleRef & { headline: string; topics: Topic[]; split: SampleSplit };

export type Agreement = {
  articles: number;
  /** Share of articles whose first assigned topic is among the labelled topics. */
  primaryAccuracy: number;
  /** Micro-averaged over topic sets: assigned ∩ labelled against assigned (precision) and labelled (recall). */
  precision: number;
  recall: number;
  f1: number;
};

export type ArticleOutcome = {
  ref: string;
  headline: string;
  split: SampleSplit;
  labelled: Topic[];
  assigned: Topic[];
};

export type TopicEvaluation = {
  tune: Agreement;
  holdout: Agreement;
  fresh: Agreement;
  all: Agreement;
  outcomes: ArticleOutcome[];
};

export function hasSharedData(dataDir = DEFAULT_DATA_DIR): boolean {
  return ["rmrb", "xwlb/xwlb.jsonl.gz", "pages/expected"].every((part) => existsSync(path.join(dataDir, part)));
}

export async function loadLabelledSample(samplePath = LABELLED_SAMPLE_PATH): Promise<LabelledArticle[]> {
  const parsed = JSON.parse(await readFile(samplePath, "utf8")) as { articles: LabelledArticle[] };
  for (const article of parsed.articles) {
    const unknown = article.topics.filter((topic) => !(TOPICS as readonly string[]).includes(topic));
    if (unknown.length > 0 || article.topics.length === 0) {
      throw new Error(`labelled sample: bad topics ${JSON.stringify(article.topics)} for ${article.headline}`);
    }
  }
  return parsed.articles;
}

function describeRef(ref: SampleRef): string {
  if (ref.source === "rmrb") return `rmrb:${ref.path}`;
  if (ref.source === "xwlb") return `xwlb:${ref.id}`;
  return `page:${ref.page}#${ref.article}`;
}

/** rmrb files: line 1 kicker, 2 headline, 3 subtitle, then paragraphs indented with full-width spaces. */
async function readRmrbArticle(dataDir: string, relativePath: string): Promise<TopicInput> {
  const lines = (await readFile(path.join(dataDir, "rmrb", relativePath), "utf8")).split(/\r?\n/);
  return {
    kicker: lines[0]?.trim() || null,
    title: lines[1]?.trim() ?? "",
    subtitle: lines[2]?.trim() || null,
    body: lines
      .slice(3)
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n"),
    column: null,
  };
}

type XwlbRecord = { id: string; title: string; section: string | null; body: string };

async function readXwlbArticles(dataDir: string, ids: ReadonlySet<string>): Promise<Map<string, TopicInput>> {
  const found = new Map<string, TopicInput>();
  if (ids.size === 0) return found;
  const stream = createReadStream(path.join(dataDir, "xwlb", "xwlb.jsonl.gz")).pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      // Cheap prefilter: parsing 74k JSON lines to keep a few dozen is most of the cost.
      const idMatch = /"id":\s*"([^"]+)"/.exec(line);
      if (!idMatch?.[1] || !ids.has(idMatch[1])) continue;
      const record = JSON.parse(line) as XwlbRecord;
      found.set(record.id, { title: record.title, body: record.body, column: record.section });
      if (found.size === ids.size) break;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return found;
}

type ExpectedPage = {
  articles: Array<{ headlines: string[]; titleContains?: string; bodyStartsWith?: string }>;
};

function compact(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * Cuts a page into articles using the hand-labelled reading in pages/expected:
 * an article runs from its first marker (headline or body start) to the next
 * marker of any other article. Interleaved OCR makes some cuts approximate,
 * which is fine for topic evaluation.
 */
async function readPageArticles(dataDir: string, page: string): Promise<TopicInput[]> {
  const text = compact(await readFile(path.join(dataDir, "pages", page), "utf8"));
  const expected = JSON.parse(
    await readFile(path.join(dataDir, "pages", "expected", page.replace(/\.txt$/, ".json")), "utf8"),
  ) as ExpectedPage;
  const starts = expected.articles.map((article) => {
    const markers = [...article.headlines, article.bodyStartsWith ?? ""]
      .map(compact)
      .filter(Boolean)
      .map((marker) => text.indexOf(marker))
      .filter((position) => position >= 0);
    return markers.length > 0 ? Math.min(...markers) : -1;
  });
  return expected.articles.map((article, index) => {
    const start = starts[index] ?? -1;
    if (start < 0) return { title: article.headlines.join(" "), body: "" };
    const end = Math.min(text.length, ...starts.filter((other, j) => j !== index && other > start));
    let body = text.slice(start, end);
    for (const headline of article.headlines.map(compact)) {
      if (body.startsWith(headline)) body = body.slice(headline.length);
    }
    return { title: article.headlines.join(" "), body };
  });
}

/** Reads the text of every labelled article; throws when one cannot be found. */
export async function loadSampleInputs(
  sample: readonly LabelledArticle[],
  dataDir = DEFAULT_DATA_DIR,
): Promise<TopicInput[]> {
  const xwlbIds = new Set(sample.flatMap((article) => (article.source === "xwlb" ? [article.id] : [])));
  const xwlb = await readXwlbArticles(dataDir, xwlbIds);
  const pages = new Map<string, TopicInput[]>();
  const inputs: TopicInput[] = [];
  for (const article of sample) {
    if (article.source === "rmrb") {
      inputs.push(await readRmrbArticle(dataDir, article.path));
    } else if (article.source === "xwlb") {
      const input = xwlb.get(article.id);
      if (!input) throw new Error(`xwlb item ${article.id} not found`);
      inputs.push(input);
    } else {
      let articles = pages.get(article.page);
      if (!articles) {
        articles = await readPageArticles(dataDir, article.page);
        pages.set(article.page, articles);
      }
      const input = articles[article.article];
      if (!input) throw new Error(`page ${article.page} has no article ${article.article}`);
      inputs.push(input);
    }
  }
  return inputs;
}

export function measureAgreement(outcomes: readonly ArticleOutcome[]): Agreement {
  let primaryHits = 0;
  let truePositives = 0;
  let assignedCount = 0;
  let labelledCount = 0;
  for (const { labelled, assigned } of outcomes) {
    if (assigned[0] !== undefined && labelled.includes(assigned[0])) primaryHits += 1;
    truePositives += assigned.filter((topic) => labelled.includes(topic)).length;
    assignedCount += assigned.length;
    labelledCount += labelled.length;
  }
  const precision = assignedCount ? truePositives / assignedCount : 0;
  const recall = labelledCount ? truePositives / labelledCount : 0;
  return {
    articles: outcomes.length,
    primaryAccuracy: outcomes.length ? primaryHits / outcomes.length : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

export async function evaluateTopics(
  options: { dataDir?: string; samplePath?: string } = {},
): Promise<TopicEvaluation> {
  const sample = await loadLabelledSample(options.samplePath);
  const inputs = await loadSampleInputs(sample, options.dataDir);
  const outcomes = sample.map((article, index): ArticleOutcome => ({
    ref: describeRef(article),
    headline: article.headline,
    split: article.split,
    labelled: article.topics,
    assigned: assignTopics(inputs[index] as TopicInput),
  }));
  return {
    tune: measureAgreement(outcomes.filter((outcome) => outcome.split === "tune")),
    holdout: measureAgreement(outcomes.filter((outcome) => outcome.split === "holdout")),
    fresh: measureAgreement(outcomes.filter((outcome) => outcome.split === "fresh")),
    all: measureAgreement(outcomes),
    outcomes,
  };
}

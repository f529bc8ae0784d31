import type { Article, Author } from "@/lib/article/types";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import type { EngineClient } from "@/lib/search/engine/client";
import { configureIndex, enqueueUpsert } from "@/lib/search/index-admin";

/** Small hand-made articles for the search execution tests, indexed through the real schema. */

export type FixtureInput = {
  id: string;
  title: string;
  body: string;
  date?: string;
  source?: string;
  kicker?: string;
  subtitle?: string;
  authors?: Author[];
};

export function makeArticle(input: FixtureInput): Article {
  return {
    id: input.id,
    kind: "article",
    source: input.source ?? "测试日报",
    sourceFile: `fixtures/${input.id}.txt`,
    ordinal: 0,
    sourceKey: input.id,
    date: input.date ?? "2020-01-01",
    dateSource: "path",
    page: 1,
    column: null,
    kicker: input.kicker ?? null,
    title: input.title,
    titleDerived: false,
    subtitle: input.subtitle ?? null,
    authors: input.authors ?? [],
    credits: [],
    dateline: null,
    place: null,
    blocks: input.body.split("\n").map((text) => ({ kind: "paragraph" as const, text })),
    keywords: [],
    topics: [],
  };
}

export async function indexFixtures(client: EngineClient, indexUid: string, inputs: readonly FixtureInput[]): Promise<void> {
  await configureIndex(client, indexUid);
  const documents = inputs.map((input) => toIndexDocument(makeArticle(input), toSourceStamp(`fixtures/${input.id}.txt`, "1")));
  await client.waitForTask(await enqueueUpsert(client, indexUid, documents));
}

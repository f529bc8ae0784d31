import { describe, expect, it } from "vitest";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { enqueueUpsert } from "@/lib/search/index-admin";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { indexFixtures, makeArticle, type FixtureInput } from "./search-exec-fixtures";

const client = connectTestEngine();

/** Has 国人, 人民 and 国民 but not 国人民: the engine's phrase matching accepts it. */
const pairsOnly = (id: string, source = "乙报"): FixtureInput => ({ id, title: "座谈", body: "全国人大。\n人民。\n国民。", source });
const trulyContains = (id: string, source = "甲报"): FixtureInput => ({ id, title: "节日", body: "中国人民欢度春节。", source });

async function search(context: SearchContext, q: string, size = 20) {
  return searchArticles(SearchRequestSchema.parse({ q, size }), context);
}

describe("verification of long terms", () => {
  it("verifies every candidate of a term with more candidates than one listing page", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_many") };
    const fixtures = [
      ...Array.from({ length: 2300 }, (_, i) => trulyContains(`true-${i}`)),
      ...Array.from({ length: 150 }, (_, i) => pairsOnly(`pairs-${i}`)),
    ];
    await indexFixtures(client, context.indexUid, fixtures);
    const result = await search(context, "国人民");
    expect(result.total).toBe(2300);
    expect(result.totalPages).toBe(115);
    expect(result.facets.source).toEqual([{ value: "甲报", count: 2300 }]);
    const last = await searchArticles(SearchRequestSchema.parse({ q: "国人民", size: 20, page: 115 }), context);
    expect(last.hits).toHaveLength(20);
    expect(last.hits.every((hit) => hit.article.id.startsWith("true-"))).toBe(true);
  });

  it("does not reuse verdicts once the index has changed", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_fresh") };
    await indexFixtures(client, context.indexUid, [trulyContains("first"), pairsOnly("decoy")]);
    expect((await search(context, "国人民")).hits.map((hit) => hit.article.id)).toEqual(["first"]);

    const added = [trulyContains("second"), pairsOnly("second-decoy")].map((input) =>
      toIndexDocument(makeArticle(input), toSourceStamp(`fixtures/${input.id}.txt`, "1")),
    );
    await client.waitForTask(await enqueueUpsert(client, context.indexUid, added));
    const after = await search(context, "国人民");
    expect(after.hits.map((hit) => hit.article.id).sort()).toEqual(["first", "second"]);
    expect(after.total).toBe(2);
  });
});

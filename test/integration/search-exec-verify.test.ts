import { describe, expect, it } from "vitest";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { enqueueUpsert } from "@/lib/search/index-admin";
import { EngineClient } from "@/lib/search/engine/client";
import { readIndexVersion } from "@/lib/search/engine-search";
import { compileRequestQuery, searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { planStep } from "@/lib/search/step-plan";
import { findKnownVerdicts, forgetRememberedVerdicts } from "@/lib/search/term-verifier";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { indexFixtures, makeArticle, type FixtureInput } from "./search-exec-fixtures";

const client = connectTestEngine();

/** The real engine client, counting the calls made through it. */
class CountingClient extends EngineClient {
  calls = 0;
  override call<T>(operation: Parameters<EngineClient["call"]>[0], options?: Parameters<EngineClient["call"]>[1]): Promise<T> {
    this.calls++;
    return super.call(operation as never, options) as Promise<T>;
  }
}

/** Has 国人, 人民 and 国民 but not 国人民: the engine's phrase matching accepts it. */
const pairsOnly = (id: string, source = "乙报"): FixtureInput => ({ id, title: "座谈", body: "全国人大。\n人民。\n国民。", source });
const trulyContains = (id: string, source = "甲报"): FixtureInput => ({ id, title: "节日", body: "中国人民欢度春节。", source });

async function search(context: SearchContext, q: string, size = 20) {
  return searchArticles(SearchRequestSchema.parse({ q, size }), context);
}

describe("verification of long terms", () => {
  it("verifies every candidate of a term with more candidates than one listing page", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_many") };
    // Listed candidates come as byte strings: those holding the term only in another form (Traditional,
    // split by a stray space, in the headline in Traditional) are decoded and judged in full.
    const variants: FixtureInput[] = [
      { id: "variant-traditional", title: "节日", body: "中國人民欢度春节。", source: "甲报" },
      { id: "variant-space", title: "节日", body: "全国 人民欢度春节。", source: "甲报" },
      { id: "variant-title", title: "全國人民", body: "欢度春节。", source: "甲报" },
    ];
    const fixtures = [
      ...Array.from({ length: 2297 }, (_, i) => trulyContains(`true-${i}`)),
      ...variants,
      ...Array.from({ length: 150 }, (_, i) => pairsOnly(`pairs-${i}`)),
    ];
    await indexFixtures(client, context.indexUid, fixtures);
    const result = await search(context, "国人民");
    expect(result.total).toBe(2300);
    expect(result.totalPages).toBe(115);
    expect(result.facets.source).toEqual([{ value: "甲报", count: 2300 }]);
    const version = await readIndexVersion(context);
    const [check] = planStep(compileRequestQuery("国人民")!.branches[0]!.steps[0]!, { rank: true }).positiveChecks;
    const verdicts = await findKnownVerdicts(version, check!, null);
    expect(verdicts?.containing).toEqual(expect.arrayContaining(variants.map((variant) => variant.id)));
    expect(verdicts?.rejected.size).toBe(150);
    const last = await searchArticles(SearchRequestSchema.parse({ q: "国人民", size: 20, page: 115 }), context);
    expect(last.hits).toHaveLength(20);
    expect(last.hits.every((hit) => !hit.article.id.startsWith("pairs-"))).toBe(true);
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

describe("a one-step query's first search, result page first", () => {
  /** The verdicts the search filed for its long term, read without asking the engine. */
  async function knownVerdicts(context: SearchContext, q: string, filter: string | null = null) {
    const compiled = compileRequestQuery(q);
    const [plan] = compiled!.branches[0]!.steps.map((step) => planStep(step));
    const [check] = plan!.positiveChecks;
    const within = plan!.narrows || filter !== null ? { ...plan!.candidateQuery, filter } : null;
    const verdicts = await findKnownVerdicts(await readIndexVersion(context), check!, within);
    return verdicts && { rejected: [...verdicts.rejected].sort(), containing: [...verdicts.containing].sort() };
  }

  it("costs the first search of a rare term one engine search: its page settles the term", async () => {
    const counting = new CountingClient(client.connection);
    const context = { client: counting, indexUid: uniqueIndexName("verify_page_one") };
    await indexFixtures(client, context.indexUid, [trulyContains("t1"), trulyContains("t2")]);
    forgetRememberedVerdicts();
    await search(context, "春节"); // checks the schema, which a first search does once
    counting.calls = 0;
    const result = await search(context, "国人民");
    expect(result.total).toBe(2);
    // The index version and the page; no listing of the candidates before it.
    expect(counting.calls).toBe(2);
    expect(await knownVerdicts(context, "国人民")).toEqual({ rejected: [], containing: ["t1", "t2"] });
  });

  it("settles a term from a page that holds every candidate, decoys left out of hits, total and facets", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_page_all") };
    await indexFixtures(client, context.indexUid, [trulyContains("t1"), trulyContains("t2"), pairsOnly("decoy-1"), pairsOnly("decoy-2")]);
    forgetRememberedVerdicts();
    expect(await knownVerdicts(context, "国人民")).toBeNull();
    const result = await search(context, "国人民");
    expect(result.hits.map((hit) => hit.article.id).sort()).toEqual(["t1", "t2"]);
    expect(result.total).toBe(2);
    expect(result.facets.source).toEqual([{ value: "甲报", count: 2 }]);
    expect(await knownVerdicts(context, "国人民")).toEqual({ rejected: ["decoy-1", "decoy-2"], containing: ["t1", "t2"] });
  });

  it("lists the candidates when the page holds only some of them, and still leaves every decoy out", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_page_some") };
    await indexFixtures(client, context.indexUid, [...["t1", "t2", "t3"].map((id) => trulyContains(id)), ...["d1", "d2", "d3"].map((id) => pairsOnly(id))]);
    forgetRememberedVerdicts();
    const first = await search(context, "国人民", 2);
    expect(first.total).toBe(3);
    expect(first.totalPages).toBe(2);
    expect(first.facets.source).toEqual([{ value: "甲报", count: 3 }]);
    const second = await searchArticles(SearchRequestSchema.parse({ q: "国人民", size: 2, page: 2 }), context);
    expect([...first.hits, ...second.hits].map((hit) => hit.article.id).sort()).toEqual(["t1", "t2", "t3"]);
    expect(await knownVerdicts(context, "国人民")).toEqual({ rejected: ["d1", "d2", "d3"], containing: ["t1", "t2", "t3"] });
  });

  it("files a filtered search's verdicts under that search only, and a later unfiltered search is still exact", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_page_filter") };
    await indexFixtures(client, context.indexUid, [trulyContains("t-jia"), pairsOnly("d-jia", "甲报"), trulyContains("t-yi", "乙报"), pairsOnly("d-yi")]);
    forgetRememberedVerdicts();
    const filtered = await searchArticles(SearchRequestSchema.parse({ q: "国人民", source: ["甲报"] }), context);
    expect(filtered.hits.map((hit) => hit.article.id)).toEqual(["t-jia"]);
    expect(filtered.total).toBe(1);
    // The filtered page saw only 甲报's candidates: nothing may be filed for the term as a whole.
    expect(await knownVerdicts(context, "国人民")).toBeNull();
    const all = await search(context, "国人民");
    expect(all.hits.map((hit) => hit.article.id).sort()).toEqual(["t-jia", "t-yi"]);
    expect(all.total).toBe(2);
  });
});

describe("NEAR verdicts", () => {
  it("settles A NEAR B and B NEAR A once: the second order finds the first's verdicts", async () => {
    const context = { client, indexUid: uniqueIndexName("verify_near_order") };
    await indexFixtures(client, context.indexUid, [
      { id: "close", title: "节日", body: "中国人民欢度春节。", source: "甲报" },
      { id: "far", title: "节日", body: "中国人民在这一天里走亲访友，一起欢度传统的春节。", source: "甲报" },
    ]);
    forgetRememberedVerdicts();
    const version = await readIndexVersion(context);
    const checkOf = (q: string) => compileRequestQuery(q)!.branches[0]!.steps.map((step) => planStep(step))[0]!.positiveChecks[0]!;
    expect((await search(context, "国人民 NEAR/3 欢度")).hits.map((hit) => hit.article.id)).toEqual(["close"]);
    const swapped = await findKnownVerdicts(version, checkOf("欢度 NEAR/3 国人民"));
    expect(swapped && [...swapped.containing]).toEqual(["close"]);
    expect((await search(context, "欢度 NEAR/3 国人民")).hits.map((hit) => hit.article.id)).toEqual(["close"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Author } from "@/lib/article/types";
import { toCodedPhrase } from "@/lib/search/coded-chars";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { enqueueUpsert } from "@/lib/search/index-admin";
import { readIndexVersion } from "@/lib/search/engine-search";
import { compileRequestQuery, forgetRememberedAnswers, searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { planStep } from "@/lib/search/step-plan";
import { findKnownVerdicts, forgetRememberedVerdicts, LISTING_PACES } from "@/lib/search/term-verifier";
import { countArticles } from "@/lib/search/count-articles";
import { settleTermLater, waitForSettling } from "@/lib/search/settle-later";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, RecordingClient, uniqueIndexName } from "./helpers";
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
    const counting = new RecordingClient(client.connection);
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

describe("a reader's first search with a common long term, settled after the answer", () => {
  /** Five true articles and five decoys; sorted newest, three decoys come first and two last. */
  const fixtures: FixtureInput[] = [
    ...[1, 2, 3, 4, 5].map((day) => ({ ...trulyContains(`t${day}`), date: `2020-01-0${day}` })),
    ...[1, 2, 3].map((day) => ({ ...pairsOnly(`d-new-${day}`), date: `2021-01-0${day}` })),
    ...[1, 2].map((day) => ({ ...pairsOnly(`d-old-${day}`), date: `2019-01-0${day}` })),
  ];
  const newest = (size: number, page = 1) => SearchRequestSchema.parse({ q: "国人民", sort: "newest", size, page });

  it("answers with its first page checked hit by hit, lists nothing before answering, and is exact once settled", async () => {
    // More true articles than the window of first hits checked after a page with decoys (80).
    const many: FixtureInput[] = Array.from({ length: 100 }, (_, day) => ({ ...trulyContains(`many-${day}`), date: toDay(Date.UTC(2020, 1, 1) + day * 86_400_000) }));
    const { counting, context } = await indexCounted("settle_later", [...many, ...fixtures.filter((fixture) => fixture.id.startsWith("d-"))]);

    const first = await searchArticles(newest(4), context, { settle: "later" });
    // The exact first page: the three newer decoys were seen on it and left out.
    expect(first.hits.map((hit) => hit.article.id)).toEqual(["many-99", "many-98", "many-97", "many-96"]);
    expect(first.exact).toBe(false);
    // An upper bound: the two older decoys, beyond the window checked, are still counted.
    expect(first.total).toBe(102);
    expect(first.totalPages).toBe(26);
    expect(first.facets.source).toEqual([
      { value: "甲报", count: 100 },
      { value: "乙报", count: 2 },
    ]);
    // The index version, the page and the first 80 hits without the decoys it held: no listing.
    expect(counting.calls).toBe(3);

    await waitForSettling();
    const verdicts = await findKnownVerdicts(await readIndexVersion(context), termCheck("国人民"), null);
    expect(verdicts && [...verdicts.rejected].sort()).toEqual(["d-new-1", "d-new-2", "d-new-3", "d-old-1", "d-old-2"]);
    const again = await searchArticles(newest(4), context, { settle: "later" });
    expect(again.exact).toBe(true);
    expect(again.total).toBe(100);
    expect(again.hits.map((hit) => hit.article.id)).toEqual(first.hits.map((hit) => hit.article.id));
    const last = await searchArticles(newest(4, 25), context, { settle: "later" });
    expect(last.hits.map((hit) => hit.article.id)).toEqual(["many-3", "many-2", "many-1", "many-0"]);
  });

  it("judges the whole rest at once when it fits the window, and is then exact, facets included", async () => {
    const { counting, context } = await indexCounted("settle_later_rest", fixtures);
    const first = await searchArticles(newest(4), context, { settle: "later" });
    expect(first.hits.map((hit) => hit.article.id)).toEqual(["t5", "t4", "t3", "t2"]);
    expect(first.exact).toBe(true);
    expect(first.total).toBe(5);
    expect(first.facets.source).toEqual([{ value: "甲报", count: 5 }]);
    // The version, the page and the window (every candidate left), whose counts less the decoys' values are the answer's.
    expect(counting.calls).toBe(3);
    // The page and the window held every candidate: their verdicts are filed, nothing is listed after the answer.
    await waitForSettling();
    expect(counting.calls).toBe(3);
    const verdicts = await findKnownVerdicts(await readIndexVersion(context), termCheck("国人民"), null);
    expect(verdicts && [...verdicts.rejected].sort()).toEqual(["d-new-1", "d-new-2", "d-new-3", "d-old-1", "d-old-2"]);
    const again = await searchArticles(newest(4, 2), context, { settle: "later" });
    expect(again.hits.map((hit) => hit.article.id)).toEqual(["t1"]);
    expect(again.exact).toBe(true);
  });

  it("takes the decoys' facet values off the window's counts: every group as the engine counts the exact set", async () => {
    const signed = (input: FixtureInput, ...authors: Author[]): FixtureInput => ({ ...input, authors });
    const { counting, context } = await indexCounted("settle_later_facets", [
      signed({ ...trulyContains("t1"), date: "2020-01-01" }, { name: "张三", role: "记者" }),
      signed({ ...trulyContains("t2"), date: "2020-02-02" }, { name: "张三", role: "记者" }, { name: "李四", role: "通讯员" }),
      ...[3, 4, 5].map((day) => ({ ...trulyContains(`t${day}`), date: `2020-01-0${day}` })),
      // Seen on the first page, so left out of the window: their values never reach its counts.
      ...[1, 2, 3].map((day) => signed({ ...pairsOnly(`d-new-${day}`), date: `2021-01-0${day}` }, { name: "赵六", role: "记者" })),
      // Beyond the page, inside the window: their values are taken off its counts.
      signed({ ...pairsOnly("d-old-1", "甲报"), date: "2019-01-01" }, { name: "张三", role: "记者" }),
      signed({ ...pairsOnly("d-old-2", "甲报"), date: "2019-01-02" }, { name: "王五", role: "摄影" }, { name: "张三", role: "记者" }),
    ]);
    const first = await searchArticles(newest(4), context, { settle: "later" });
    expect(first.exact).toBe(true);
    expect(first.total).toBe(5);
    expect(counting.calls).toBe(3);
    expect(first.facets.authors).toEqual([
      { value: "张三", count: 2 },
      { value: "李四", count: 1 },
    ]);
    expect(first.facets.roles).toEqual([
      { value: "记者", count: 2 },
      { value: "通讯员", count: 1 },
    ]);
    expect(first.facets.source).toEqual([{ value: "甲报", count: 5 }]);
    expect(first.facets.yearMonth).toEqual([
      { value: "2020-01", count: 4 },
      { value: "2020-02", count: 1 },
    ]);
    await waitForSettling();
    forgetRememberedAnswers();
    // Verdicts known: one engine search with the decoys excluded by id counts the exact set itself.
    const counted = await searchArticles(newest(4), context, { settle: "later" });
    expect(counted.exact).toBe(true);
    expect(counted.facets).toEqual(first.facets);
  });

  it("lists the candidates after the answer one small page at a time, so a reader's next search never queues behind a batch", async () => {
    const many: FixtureInput[] = Array.from({ length: 2300 }, (_, i) => ({ ...trulyContains(`many-${i}`), date: "2020-01-01" }));
    const { counting, context } = await indexCounted("settle_later_paced", [...many, ...fixtures.filter((fixture) => fixture.id.startsWith("d-"))]);
    const first = await searchArticles(newest(20), context, { settle: "later" });
    expect(first.exact).toBe(false);
    counting.calls = 0;
    counting.mostInFlight = 0;
    await waitForSettling();
    // 2,305 candidates: the listing a waiting reader makes takes 1,000 at a time, several side by side.
    expect(counting.calls).toBe(Math.ceil(2305 / LISTING_PACES.background.pageSize));
    expect(counting.mostInFlight).toBe(1);
    const verdicts = await findKnownVerdicts(await readIndexVersion(context), termCheck("国人民"), null);
    expect(verdicts && [...verdicts.rejected].sort()).toEqual(["d-new-1", "d-new-2", "d-new-3", "d-old-1", "d-old-2"]);
    expect(verdicts?.containing).toHaveLength(2300);
  });

  it("lists a term asked for again before its turn first and at full pace: a reader is waiting on it", async () => {
    const many: FixtureInput[] = Array.from({ length: 2300 }, (_, i) => ({ ...trulyContains(`many-${i}`), date: "2020-01-01" }));
    const { counting, context } = await indexCounted("settle_later_promoted", [...many, ...fixtures.filter((fixture) => fixture.id.startsWith("d-"))]);
    const version = await readIndexVersion(context);
    counting.mostInFlight = 0;
    // Queued in one go, so neither has started: 欢度春 first, then 国人民 twice.
    settleTermLater(context, version, termCheck("欢度春"), null);
    settleTermLater(context, version, termCheck("国人民"), null);
    settleTermLater(context, version, termCheck("国人民"), null);
    await waitForSettling();
    // 国人民 was listed at the waited pace: its 2,305 candidates 1,000 at a time, two pages side by side.
    expect(counting.mostInFlight).toBe(2);
    // And first, though queued second: every page of its listing went before the first of 欢度春's.
    const listed = (term: string) => counting.searched.flatMap((q, at) => (q === toCodedPhrase(term) ? [at] : []));
    expect(listed("国人民")).toHaveLength(Math.ceil(2305 / LISTING_PACES.waited.pageSize));
    expect(listed("欢度春").length).toBeGreaterThan(0);
    expect(Math.max(...listed("国人民"))).toBeLessThan(Math.min(...listed("欢度春")));
    const verdicts = await findKnownVerdicts(version, termCheck("国人民"), null);
    expect(verdicts && [...verdicts.rejected].sort()).toEqual(["d-new-1", "d-new-2", "d-new-3", "d-old-1", "d-old-2"]);
    expect((await findKnownVerdicts(version, termCheck("欢度春"), null))?.containing).toHaveLength(2300);
  });

  it("is exact at once when the page checked hit by hit turns out to hold every candidate left", async () => {
    const context = { client, indexUid: uniqueIndexName("settle_later_all") };
    await indexFixtures(client, context.indexUid, fixtures.filter((fixture) => !fixture.id.startsWith("d-old")));
    forgetRememberedVerdicts();
    const first = await searchArticles(newest(5), context, { settle: "later" });
    expect(first.hits.map((hit) => hit.article.id)).toEqual(["t5", "t4", "t3", "t2", "t1"]);
    expect(first.total).toBe(5);
    expect(first.exact).toBe(true);
    await waitForSettling();
  });

  it("asked for settled answers (the default), lists the candidates first and is exact at once", async () => {
    const context = { client, indexUid: uniqueIndexName("settle_now") };
    await indexFixtures(client, context.indexUid, fixtures);
    forgetRememberedVerdicts();
    const first = await searchArticles(newest(4), context);
    expect(first.exact).toBe(true);
    expect(first.total).toBe(5);
    expect(first.hits.map((hit) => hit.article.id)).toEqual(["t5", "t4", "t3", "t2"]);
  });

  it("checks a later page in full: its hits depend on every earlier candidate", async () => {
    const context = { client, indexUid: uniqueIndexName("settle_later_page2") };
    await indexFixtures(client, context.indexUid, fixtures);
    forgetRememberedVerdicts();
    const second = await searchArticles(newest(4, 2), context, { settle: "later" });
    expect(second.exact).toBe(true);
    expect(second.total).toBe(5);
    expect(second.hits.map((hit) => hit.article.id)).toEqual(["t1"]);
  });

  it("counts more candidates than the first window as an upper bound, then exactly once settled", async () => {
    const context = { client, indexUid: uniqueIndexName("settle_later_counts") };
    const many: FixtureInput[] = Array.from({ length: 90 }, (_, i) => trulyContains(`many-${i}`));
    await indexFixtures(client, context.indexUid, [...many, ...fixtures.filter((fixture) => fixture.id.startsWith("d-"))]);
    forgetRememberedVerdicts();
    const estimated = await countArticles(newest(4), ["source"], context, { settle: "later" });
    expect(estimated.exact).toBe(false);
    expect(estimated.total).toBe(95);
    await waitForSettling();
    const settled = await countArticles(newest(4), ["source"], context, { settle: "later" });
    expect(settled).toEqual({ total: 90, facets: { source: [{ value: "甲报", count: 90 }] }, missing: [], exact: true });
  });

  it("counts candidates that fit the first window exactly at once, from the window's own text", async () => {
    const { counting, context } = await indexCounted("settle_later_few", fixtures);
    const counted = await countArticles(newest(4), ["source"], context, { settle: "later" });
    expect(counted).toEqual({ total: 5, facets: { source: [{ value: "甲报", count: 5 }] }, missing: [], exact: true });
    // The version (read once: the count's cache key and its verdicts share it), the count and the window
    // with the text, whose counts less the decoys' values are the answer: no listing, then or after the answer.
    expect(counting.calls).toBe(3);
    await waitForSettling();
    expect(counting.calls).toBe(3);
    const verdicts = await findKnownVerdicts(await readIndexVersion(context), termCheck("国人民"), null);
    expect(verdicts && [...verdicts.rejected].sort()).toEqual(["d-new-1", "d-new-2", "d-new-3", "d-old-1", "d-old-2"]);
  });
});

/** A fresh index of `inputs` searched through a counting client, its schema already checked (a first search does that once). */
async function indexCounted(label: string, inputs: readonly FixtureInput[]) {
  const counting = new RecordingClient(client.connection);
  const context = { client: counting, indexUid: uniqueIndexName(label) };
  await indexFixtures(client, context.indexUid, inputs);
  forgetRememberedVerdicts();
  await search(context, "春节");
  counting.calls = 0;
  return { counting, context };
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function termCheck(q: string) {
  return planStep(compileRequestQuery(q)!.branches[0]!.steps[0]!, { rank: true }).positiveChecks[0]!;
}

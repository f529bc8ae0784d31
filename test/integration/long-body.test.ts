import { beforeAll, describe, expect, it } from "vitest";
import { toCodedPhrase } from "@/lib/search/coded-chars";
import { countPositions, POSITION_BUDGET } from "@/lib/search/coded-chunks";
import { toIndexDocument, toSourceStamp } from "@/lib/search/documents";
import { CODED_LOCALES } from "@/lib/search/engine-search";
import { toMatchTerm } from "@/lib/search/exact-match";
import { CHAR_FIELDS, TITLE_CHAR_FIELDS, toSearchOnCharFields, type CharField } from "@/lib/search/index-schema";
import { MAX_QUERY_LENGTH } from "@/lib/search/query/parse-query";
import { searchArticles, type SearchContext } from "@/lib/search/search-articles";
import { SearchRequestSchema } from "@/lib/search/search-request";
import { connectTestEngine, uniqueIndexName } from "./helpers";
import { indexFixtures, makeArticle, type FixtureInput } from "./search-exec-fixtures";

/**
 * Meilisearch indexes at most 65,535 positions per attribute and silently
 * ignores the rest; the coded body spends one position per character and 8 per
 * paragraph break. A body of about 150,000 characters must still be found by
 * terms near its start, middle and end, and by phrases crossing the place
 * where the coded text is split into chunks (60,000 positions, coded-chunks.ts).
 */

const client = connectTestEngine();
const context: SearchContext = { client, indexUid: uniqueIndexName("long_body") };

/** Filler characters; the markers below use none of them, so each marker occurs once. */
const FILLER = "春夏秋冬东南西北山川河流湖海风云雨雪花草";

function makeFiller(length: number, seed: number): string {
  let state = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += FILLER[Math.floor(state / 65_536) % FILLER.length];
  }
  return out;
}

/** Paragraph 0 is one run of 61,000 characters, so character i sits at engine position i. */
const FIRST_PARAGRAPH_LENGTH = 61_000;
const CHUNK_POSITIONS = 60_000;

const START = "甲乙丙丁";
const ACROSS_CHUNK = "戊己庚辛";
const MIDDLE = "子丑寅卯";
const END = "辰巳午未";
const LAST_PAIR = "申酉";
const SHORT_ONLY = "戌亥";

function buildLongBody(): { body: string; longPhrase: string } {
  const first = makeFiller(FIRST_PARAGRAPH_LENGTH, 1).split("");
  first.splice(100, START.length, ...START);
  // Characters 59,998–60,001: two on each side of the chunk limit.
  first.splice(CHUNK_POSITIONS - 2, ACROSS_CHUNK.length, ...ACROSS_CHUNK);
  const firstParagraph = first.join("");
  // As long as a query may be (MAX_QUERY_LENGTH, 256 characters), centred on the chunk limit.
  const longPhrase = firstParagraph.slice(CHUNK_POSITIONS - MAX_QUERY_LENGTH / 2, CHUNK_POSITIONS + MAX_QUERY_LENGTH / 2);

  const paragraphs = [firstParagraph];
  for (let i = 0; i < 445; i++) paragraphs.push(makeFiller(200, i + 2));
  paragraphs[70] = `${makeFiller(90, 7)}${MIDDLE}${makeFiller(90, 8)}`;
  paragraphs.push(`${makeFiller(150, 9)}${END}${makeFiller(20, 10)}${LAST_PAIR}`);
  return { body: paragraphs.join("\n"), longPhrase };
}

const { body: LONG_BODY, longPhrase: LONG_PHRASE } = buildLongBody();

const FIXTURES: FixtureInput[] = [
  { id: "long", title: "长篇文献全文", body: LONG_BODY, date: "2020-01-01" },
  { id: "short", title: "短讯", body: `春天${SHORT_ONLY}的故事。`, date: "2020-01-02" },
];

/** What the engine answers for one term over the given char fields, as searches name them. */
async function findInIndex(term: string, fields: readonly CharField[], searchOn = toSearchOnCharFields(fields)): Promise<string[]> {
  const response = await client.call((meili) =>
    meili.index<{ id: string }>(context.indexUid).search(toCodedPhrase(toMatchTerm(term)), {
      attributesToSearchOn: searchOn,
      locales: CODED_LOCALES,
      attributesToRetrieve: ["id"],
    }),
  );
  return response.hits.map((hit) => hit.id).sort();
}

async function find(q: string): Promise<{ total: number; ids: string[] }> {
  const result = await searchArticles(SearchRequestSchema.parse({ q }), context);
  return { total: result.total, ids: result.hits.map((hit) => hit.article.id) };
}

beforeAll(async () => {
  expect(LONG_BODY.length).toBeGreaterThan(149_000);
  await indexFixtures(client, context.indexUid, FIXTURES);
});

describe("how a long body is indexed", () => {
  it("stores it in overlapping chunks, each within the position budget; a short one as before", () => {
    const [long, short] = FIXTURES.map((input) => toIndexDocument(makeArticle(input), toSourceStamp(`fixtures/${input.id}.txt`, "1")));
    const chunks = Object.entries(long ?? {}).filter(([key]) => key.startsWith("bodyChars"));
    expect(chunks.map(([key]) => key)).toEqual(["bodyChars", "bodyChars.c1", "bodyChars.c2"]);
    for (const [, chunk] of chunks) expect(countPositions(String(chunk))).toBeLessThanOrEqual(POSITION_BUDGET);
    // The term placed across the limit is not whole in the first chunk, and is in the second (the overlap).
    const across = toCodedPhrase(toMatchTerm(ACROSS_CHUNK)).slice(1, -1);
    expect(chunks.map(([, chunk]) => String(chunk).includes(across))).toEqual([false, true, false]);
    expect(Object.keys(short ?? {}).filter((key) => key.includes("."))).toEqual([]);
  });

  it("the engine holds every chunk, searched through the chunk patterns", async () => {
    for (const term of [START, ACROSS_CHUNK, LONG_PHRASE, MIDDLE, END, LAST_PAIR]) {
      expect(await findInIndex(term, CHAR_FIELDS), term.slice(0, 8)).toEqual(["long"]);
    }
    expect(await findInIndex("甲癸", CHAR_FIELDS)).toEqual([]);
    expect(await findInIndex(END, TITLE_CHAR_FIELDS)).toEqual([]);
    // The plain field name reaches the first chunk only: searches must use the patterns.
    expect(await findInIndex(START, CHAR_FIELDS, [...CHAR_FIELDS])).toEqual(["long"]);
    expect(await findInIndex(END, CHAR_FIELDS, [...CHAR_FIELDS])).toEqual([]);
  });
});

describe("articles longer than the engine's positions per attribute", () => {
  it("finds a term near the start", async () => {
    expect(await find(START)).toEqual({ total: 1, ids: ["long"] });
  });

  it("finds a term crossing the chunk limit, and a phrase of the longest query length around it", async () => {
    expect(await find(ACROSS_CHUNK)).toEqual({ total: 1, ids: ["long"] });
    expect(await find(LONG_PHRASE)).toEqual({ total: 1, ids: ["long"] });
  });

  it("finds a term in the middle", async () => {
    expect(await find(MIDDLE)).toEqual({ total: 1, ids: ["long"] });
  });

  it("finds terms at the very end (a verified four-character term and a two-character one the engine decides alone)", async () => {
    expect(await find(END)).toEqual({ total: 1, ids: ["long"] });
    expect(await find(LAST_PAIR)).toEqual({ total: 1, ids: ["long"] });
  });

  it("does not find what is not there, and still finds short articles", async () => {
    expect(await find("甲癸")).toEqual({ total: 0, ids: [] });
    expect(await find("未申")).toEqual({ total: 0, ids: [] });
    expect(await find(`${END}${LAST_PAIR}`)).toEqual({ total: 0, ids: [] });
    expect(await find(SHORT_ONLY)).toEqual({ total: 1, ids: ["short"] });
    expect(await find(`title:${END}`)).toEqual({ total: 0, ids: [] });
  });

  it("excludes it for a negated term found only in its tail", async () => {
    expect(await find("春")).toEqual({ total: 2, ids: ["short", "long"] });
    expect(await find(`春 -${LAST_PAIR}`)).toEqual({ total: 1, ids: ["short"] });
    expect(await find(`春 -${END}`)).toEqual({ total: 1, ids: ["short"] });
  });
});

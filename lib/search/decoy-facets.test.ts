import { describe, expect, it } from "vitest";
import { subtractDocuments } from "./decoy-facets";
import { listFacetSourceFields } from "./documents";
import { INDEX_SETTINGS } from "./index-schema";

const decoy = (date: string, source: string, ...authors: [string, string | null][]) => ({
  id: `d-${date}`,
  date,
  source,
  bylines: authors.map(([name, role]) => ({ name, role })),
});

describe("subtractDocuments", () => {
  it("takes each document's values off once, derived facets read from the date and bylines", () => {
    const distribution = {
      year: { "2020": 5, "2019": 2 },
      yearMonth: { "2020-01": 5, "2019-03": 2 },
      source: { 甲报: 6, 乙报: 1 },
      authors: { 张三: 3, 李四: 1 },
      roles: { 记者: 3, 未注明: 1 },
    };
    const documents = [decoy("2019-03-01", "甲报", ["张三", "记者"], ["张三", "记者"]), decoy("2019-03-02", "乙报", ["李四", null])];
    expect(subtractDocuments(distribution, documents, Object.keys(distribution))).toEqual({
      year: { "2020": 5 },
      yearMonth: { "2020-01": 5 },
      source: { 甲报: 5 },
      authors: { 张三: 2 },
      roles: { 记者: 2 },
    });
  });

  it("matches string values without regard to case, as the engine counts them", () => {
    expect(subtractDocuments({ column: { CGTN: 2 } }, [{ id: "a", column: "cgtn" }], ["column"])).toEqual({ column: { CGTN: 1 } });
  });

  it("answers only the facets asked for, and leaves a group without values empty", () => {
    expect(subtractDocuments({ source: { 甲报: 1 }, topics: { 经济: 1 } }, [{ id: "a", source: "甲报", topics: [] }], ["source", "topics"])).toEqual({ source: {}, topics: { 经济: 1 } });
  });

  it("gives up when the counts cannot be taken off with certainty", () => {
    // A value the group does not list, and a count that would fall below zero.
    expect(subtractDocuments({ source: { 甲报: 1 } }, [{ id: "a", source: "乙报" }], ["source"])).toBeNull();
    expect(subtractDocuments({ source: { 甲报: 1 } }, [{ id: "a", source: "甲报" }, { id: "b", source: "甲报" }], ["source"])).toBeNull();
    // A group at the engine's limit may be missing the very value a document has.
    const full = Object.fromEntries(Array.from({ length: INDEX_SETTINGS.faceting.maxValuesPerFacet }, (_, at) => [`作者${at}`, 1]));
    expect(subtractDocuments({ authors: full }, [decoy("2020-01-01", "甲报", ["作者1", "记者"])], ["authors"])).toBeNull();
    // A group the engine did not list at all, while a document has a value for it.
    expect(subtractDocuments({}, [{ id: "a", source: "甲报" }], ["source"])).toBeNull();
  });

  it("gives up on documents fetched without the fields a facet is read from, rather than take nothing off", () => {
    expect(subtractDocuments({ year: { "2020": 2 } }, [{ id: "a", source: "甲报" }], ["year"])).toBeNull();
    expect(subtractDocuments({ roles: { 记者: 2 } }, [{ id: "a", date: "2020-01-01" }], ["roles"])).toBeNull();
    expect(subtractDocuments({ year: { "2020": 2 } }, [{ id: "a", date: "2020-01-01" }], ["year"])).toEqual({ year: { "2020": 1 } });
  });
});

describe("listFacetSourceFields", () => {
  it("names the stored fields the derived facets are read back from", () => {
    expect(listFacetSourceFields(["year", "yearMonth", "authors", "roles", "source", "page"])).toEqual(["date", "bylines", "source", "page"]);
  });
});

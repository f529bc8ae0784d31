import { describe, expect, it } from "vitest";
import { countCharGrams } from "@/ingest/count-char-grams";
import { countCharTriples } from "@/ingest/count-char-triples";
import { toOneParagraphSource } from "@/test/unit/one-paragraph-source";
import { countJoinTriples, decodeCharTriples, toTripleKey } from "./char-triples";
import { createPairFilter } from "./pair-filter";

describe("character triples across a join", () => {
  const table = createPairFilter([toTripleKey("召", "开", "了"), toTripleKey("开", "了", "会"), toTripleKey("亿", "英", "镑")], 3, 0.001);

  it("counts the familiar triples of the two that span the join", () => {
    expect(countJoinTriples(table, "国务院召开", "了常务会议")).toBe(1);
    expect(countJoinTriples(table, "国务院召", "开了会议")).toBe(1);
    expect(countJoinTriples(table, "昨天召开", "了会议")).toBe(2);
    expect(countJoinTriples(table, "投资存量380亿", "英镑")).toBe(1);
    expect(countJoinTriples(table, "国务院", "常务会议")).toBe(0);
  });

  it("reads a character outside the BMP as one, and nothing across an empty side", () => {
    const wide = createPairFilter([toTripleKey("𠀋", "开", "了")], 1, 0.001);
    expect(countJoinTriples(wide, "𠀋开", "了")).toBe(1);
    expect(countJoinTriples(wide, "", "了")).toBe(0);
  });

  it("keeps triples that running text repeats beyond chance, not those seen too rarely or only by frequency", () => {
    // 召开了 twelve times; 召开会 three times (too rare); 的的的 often, but 的 is everywhere.
    const filler = "的".repeat(400);
    const sources = [...Array.from({ length: 12 }, () => toOneParagraphSource("召开了")), ...Array.from({ length: 3 }, () => toOneParagraphSource("召开会")), toOneParagraphSource(filler)];
    const triples = decodeCharTriples(countCharTriples(countCharGrams(sources), { minCount: 10, minPmi: 2, falsePositiveRate: 0.001 }));
    expect(countJoinTriples(triples, "召开", "了")).toBe(1);
    expect(countJoinTriples(triples, "召开", "会")).toBe(0);
    expect(countJoinTriples(triples, "的的", "的")).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { countWordPairs } from "@/ingest/count-word-pairs";
import { toOneParagraphSource } from "@/test/unit/one-paragraph-source";
import { createPairFilter, hasPair } from "./pair-filter";
import { decodeWordPairs, readEdgeWords, readWordJoin } from "./word-pairs";

describe("word pairs", () => {
  it("reads a line's last and first Han words, and no pair where one side is not a word", () => {
    const norms = ["各地各部门要加快", "推进各项工作", "今年增长了3.5%", "", "“新冠”疫情防控"];
    expect(readEdgeWords(norms)).toEqual({ last: ["加快", "工作", null, null, "防控"], first: ["各地", "推进", "今年", null, null] });
    const table = createPairFilter([["加快", "推进"]], 1, 0.01);
    expect(readWordJoin(table, "加快", "推进")).toBe("seen");
    expect(readWordJoin(table, "推进", "加快")).toBe("unseen");
    expect(readWordJoin(table, null, "推进")).toBe("none");
  });

  it("keeps pairs that running text repeats beyond chance, not those seen once or only by frequency", () => {
    const filler = ["经济", "发展", "社会", "文化", "生态", "建设", "群众", "干部", "城市", "乡村"];
    const sources = [
      ...Array.from({ length: 12 }, () => toOneParagraphSource("加快推进。")),
      ...Array.from({ length: 40 }, (_, at) => toOneParagraphSource(`${filler[at % 10]}${filler[(at * 3 + 1) % 10]}。`)),
      toOneParagraphSource("加快城市。"),
    ];
    const table = decodeWordPairs(countWordPairs(sources, { minCount: 5, minPmi: 1, falsePositiveRate: 0.001 }));
    expect(hasPair(table, "加快", "推进")).toBe(true);
    expect(hasPair(table, "加快", "城市")).toBe(false);
    expect(hasPair(table, "推进", "加快")).toBe(false);
  });
});

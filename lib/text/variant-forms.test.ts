import { describe, expect, it } from "vitest";
import { normalizeCompact } from "./normalize";
import { listVariantForms, VARIANT_WORD_PAIRS } from "./variant-forms";

describe("variant word forms", () => {
  it("lists only pairs that normalisation keeps apart (otherwise the search already finds both)", () => {
    for (const [preferred, other] of VARIANT_WORD_PAIRS) expect(normalizeCompact(preferred), `${preferred}/${other}`).not.toBe(normalizeCompact(other));
  });

  it("offers the other form, both ways", () => {
    expect(listVariantForms("惟一的选择")).toEqual(["唯一的选择"]);
    expect(listVariantForms("计划经济")).toEqual(["计画经济"]);
    expect(listVariantForms("江城")).toEqual([]);
  });
});

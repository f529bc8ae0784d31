import { describe, expect, it } from "vitest";
import { CorrectionInput } from "./correction-input";
import { FormReadError, readAuthorLine, readCorrectionForm, readCreditLine } from "./read-correction-form";

describe("correction form", () => {
  it("reads bylines in the forms librarians type them, normalising printed roles", () => {
    expect(readAuthorLine("记者 王某", 1)).toEqual({ name: "王某", role: "记者" });
    expect(readAuthorLine("王某（本报通讯员）", 1)).toEqual({ name: "王某", role: "通讯员" });
    expect(readAuthorLine("欧阳明", 1)).toEqual({ name: "欧阳明", role: null });
    expect(() => readAuthorLine("王某（编导）", 2)).toThrow(FormReadError);
    expect(() => readAuthorLine("王某（编导）", 2)).toThrow(/第 2 行/);
    expect(readCreditLine("版式设计：蔡华伟", 1)).toEqual({ role: "版式设计", name: "蔡华伟" });
    expect(() => readCreditLine("蔡华伟", 3)).toThrow(/credits 第 3 行/);
  });

  it("turns the fields form into a valid correction; empty optional fields become null, no ticked topic an empty list", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ kind: "fields", articleId: "rmrb-1", title: " 新标题 ", kicker: "", subtitle: "", column: "要闻", date: "2021-03-02", page: "4", authors: "记者 王某\n\n李四", credits: "", topicsShown: "1" })) form.set(name, value);
    const parsed = CorrectionInput.parse(readCorrectionForm(form));
    expect(parsed).toEqual({
      kind: "fields",
      articleId: "rmrb-1",
      changes: { authors: [{ name: "王某", role: "记者" }, { name: "李四", role: null }], credits: [], kicker: null, title: "新标题", subtitle: null, date: "2021-03-02", page: 4, column: "要闻", topics: [] },
    });
  });

  it("refuses what the schema does not allow, naming the field", () => {
    const bad = CorrectionInput.safeParse({ kind: "fields", articleId: "x", changes: { page: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["changes", "page"]);
    expect(CorrectionInput.safeParse({ kind: "fields", articleId: "x", changes: {} }).success).toBe(false);
    expect(CorrectionInput.safeParse({ kind: "split", articleId: "../x", atBlock: 1 }).success).toBe(false);
    expect(CorrectionInput.safeParse({ kind: "fields", articleId: "x", changes: { title: "a\u0000b" } }).success).toBe(false);
  });
});

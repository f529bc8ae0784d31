import { describe, expect, it } from "vitest";
import { aggregateAuthors } from "@/lib/authors/directory";
import { findAuthorSuspects, toNameKey } from "./author-review";

describe("authors to check", () => {
  it("groups names printed in several forms (Traditional, dots, spaces) within one paper", () => {
    expect(toNameKey("買買提·艾力")).toBe(toNameKey("买买提艾力"));
    const entries = aggregateAuthors([
      { bylines: [{ name: "买买提·艾力", role: "记者" }], source: "人民日报", date: "2020-01-01" },
      { bylines: [{ name: "買買提艾力", role: "记者" }], source: "人民日报", date: "2020-02-01" },
      { bylines: [{ name: "买买提艾力", role: "记者" }], source: "新华日报", date: "2020-02-01" },
    ]);
    expect(findAuthorSuspects(entries)).toEqual([{ kind: "split", paper: "人民日报", names: ["买买提·艾力", "買買提艾力"].sort(), count: 2 }]);
  });

  it("flags a name signed both as staff reporter and as outside correspondent", () => {
    const entries = aggregateAuthors([
      { bylines: [{ name: "王静", role: "记者" }], source: "人民日报", date: "2020-01-01" },
      { bylines: [{ name: "王静", role: "通讯员" }], source: "人民日报", date: "2020-03-01" },
      { bylines: [{ name: "李明", role: "记者" }], source: "人民日报", date: "2020-03-01" },
    ]);
    const suspects = findAuthorSuspects(entries);
    expect(suspects).toHaveLength(1);
    expect(suspects[0]).toMatchObject({ kind: "merged", name: "王静" });
  });
});

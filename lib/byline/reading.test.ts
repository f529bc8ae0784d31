import { describe, expect, it } from "vitest";
import { dedupeAuthors } from "./reading";

describe("dedupeAuthors", () => {
  it("keeps one entry per name and role, in order, and drops a role-less name that also has a role", () => {
    expect(
      dedupeAuthors([
        { name: "张三", role: "记者" },
        { name: "李四", role: null },
        { name: "张三", role: null },
        { name: "张三", role: "记者" },
        { name: "张三", role: "摄影" },
        { name: "李四", role: null },
      ]),
    ).toEqual([
      { name: "张三", role: "记者" },
      { name: "李四", role: null },
      { name: "张三", role: "摄影" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { aggregateAuthors, queryAuthorDirectory, type AuthorDirectoryQuery } from "./directory";

const records = [
  { source: "人民日报", date: "2019-02-21", bylines: [{ name: "李静", role: "记者" as const }, { name: "赵静茹", role: null }] },
  { source: "人民日报", date: "2020-01-05", bylines: [{ name: "李静", role: "摄影" as const }] },
  { source: "山西日报", date: "2019-10-01", bylines: [{ name: "李静", role: null }] },
  { source: "人民日报", date: "2019-10-01", bylines: [{ name: "孙佳敏", role: "见习记者" as const }, { name: "孙佳敏", role: "摄影" as const }] },
];
const query = (overrides: Partial<AuthorDirectoryQuery>): AuthorDirectoryQuery => ({ q: "", sort: "name", role: null, paper: null, page: 1, size: 50, ...overrides });

describe("author directory", () => {
  const entries = aggregateAuthors(records);

  it("keeps same-name people of different papers apart, with counts, roles and dates", () => {
    const rmrb = entries.find((entry) => entry.name === "李静" && entry.paper === "人民日报");
    expect(rmrb).toMatchObject({ count: 2, firstDate: "2019-02-21", lastDate: "2020-01-05" });
    expect(rmrb?.roles.map((role) => role.role).sort()).toEqual(["摄影", "记者"]);
    expect(entries.filter((entry) => entry.name === "李静")).toHaveLength(2);
  });

  it("counts a person once per article even when the byline names them twice (文/摄)", () => {
    expect(entries.find((entry) => entry.name === "孙佳敏")?.count).toBe(1);
  });

  it("filters by Chinese, pinyin and initials, by role, and sorts by pinyin or count", () => {
    expect(queryAuthorDirectory(entries, query({ q: "lj" })).items.map((entry) => entry.name)).toEqual(["李静", "李静"]);
    expect(queryAuthorDirectory(entries, query({ q: "静" })).total).toBe(3);
    expect(queryAuthorDirectory(entries, query({ role: "见习记者" })).items.map((entry) => entry.name)).toEqual(["孙佳敏"]);
    expect(queryAuthorDirectory(entries, query({})).items.map((entry) => entry.name)).toEqual(["李静", "李静", "孙佳敏", "赵静茹"]);
    expect(queryAuthorDirectory(entries, query({ sort: "count" })).items[0]).toMatchObject({ name: "李静", count: 2 });
    expect(queryAuthorDirectory(entries, query({ size: 1, page: 2 })).items).toHaveLength(1);
  });
});

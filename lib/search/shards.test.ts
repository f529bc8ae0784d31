import { describe, expect, it } from "vitest";
import { EngineClient } from "./engine/client";
import { listDownInVersion } from "./engine-search";
import { describeHolding, findShard, type Shard } from "./shards";

const client = new EngineClient({ url: "http://127.0.0.1:1", apiKey: "" });
const shards: Shard[] = [
  { name: "rmrb-early", client, holds: { to: "1999-12-31", papers: ["人民日报"] } },
  { name: "xwlb", client, holds: { papers: ["新闻联播"] } },
  { name: "recent", client, holds: { from: "2000-01-01" } },
  { name: "rest", client, holds: null },
];

function route(date: string | null, source: string): string | undefined {
  return findShard(shards, { date, source })?.name;
}

describe("routing articles to engines", () => {
  it("takes the first engine whose holding takes the article", () => {
    expect(route("1998-05-01", "人民日报")).toBe("rmrb-early");
    expect(route("1999-12-31", "人民日报")).toBe("rmrb-early");
    expect(route("2000-01-01", "人民日报")).toBe("recent");
    expect(route("1998-05-01", "新闻联播")).toBe("xwlb");
    expect(route("2015-05-01", "新闻联播")).toBe("xwlb");
    expect(route("1980-01-01", "光明日报")).toBe("rest");
  });

  it("sends undated articles past every date range", () => {
    expect(route(null, "人民日报")).toBe("rest");
    expect(route(null, "新闻联播")).toBe("xwlb");
    expect(findShard(shards.slice(0, 3), { date: null, source: "光明日报" })).toBeNull();
  });

  it("describes a holding for readers", () => {
    expect(describeHolding({ from: "2020-01-01", to: "2020-12-31" })).toBe("2020-01-01 至 2020-12-31");
    expect(describeHolding({ papers: ["人民日报"], to: "1999-12-31" })).toBe("人民日报，最早 至 1999-12-31");
    expect(describeHolding(null)).toBe("其余文章");
  });
});

describe("the version of a sharded archive", () => {
  it("records which engines were down, so verdicts cached under it leave out exactly those", () => {
    expect([...listDownInVersion("http://127.0.0.1:7700/articles@early@down,middle@2025-01-01T00:00:00Z,late@down")]).toEqual(["early", "late"]);
    expect([...listDownInVersion("http://127.0.0.1:7700/articles@early@2025-01-01T00:00:00Z,late@2025-01-02T00:00:00Z")]).toEqual([]);
    expect([...listDownInVersion("http://127.0.0.1:7700/articles@2025-01-01T00:00:00Z")]).toEqual([]);
  });
});

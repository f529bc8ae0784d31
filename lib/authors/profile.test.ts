import { describe, expect, it } from "vitest";
import { buildAuthorProfile } from "./profile";

describe("author profile", () => {
  it("builds the timeline, roles over time, co-authors and topics", () => {
    const profile = buildAuthorProfile("李静", "人民日报", [
      { id: "a", date: "2019-02-21", bylines: [{ name: "李静", role: "记者" }, { name: "王昊男", role: "记者" }], topics: ["经济"] },
      { id: "b", date: "2019-02-25", bylines: [{ name: "李静", role: "记者" }], topics: ["经济", "科技"] },
      { id: "c", date: "2020-01-03", bylines: [{ name: "李静", role: "摄影" }, { name: "王昊男", role: "摄影" }], topics: ["体育"] },
      { id: "d", date: null, bylines: [{ name: "李静", role: null }], topics: [] },
    ]);
    expect(profile.count).toBe(4);
    expect(profile.firstDate).toBe("2019-02-21");
    expect(profile.lastDate).toBe("2020-01-03");
    expect(profile.timeline).toEqual([{ month: "2019-02", count: 2 }, { month: "2020-01", count: 1 }]);
    expect(profile.rolesByYear).toEqual([
      { year: "2019", roles: [{ role: "记者", count: 2 }] },
      { year: "2020", roles: [{ role: "摄影", count: 1 }] },
      { year: "日期不详", roles: [{ role: "未注明", count: 1 }] },
    ]);
    expect(profile.coAuthors).toEqual([{ name: "王昊男", count: 2 }]);
    expect(profile.topics[0]).toEqual({ topic: "经济", count: 2 });
  });
});

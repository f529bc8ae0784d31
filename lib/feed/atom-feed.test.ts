import { describe, expect, it } from "vitest";
import { renderAtomFeed } from "./atom-feed";

describe("renderAtomFeed", () => {
  it("escapes every value, attributes included, and gives entries without authors the feed's author", () => {
    const xml = renderAtomFeed({
      id: "http://x/search?q=a&author=b",
      title: "报库：“<a>”",
      subtitle: "s",
      updated: "2020-01-01T00:00:00+08:00",
      selfLink: "http://x/search/feed?q=a&author=b",
      alternateLink: "http://x/search?q=a&sort=newest",
      author: "报库",
      entries: [{ id: "http://x/articles/1", title: "A&B\u0001", updated: "2020-01-01T00:00:00+08:00", link: "http://x/articles/1", authors: [], summary: "<p>" }],
    });
    expect(xml).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`);
    expect(xml).toContain("<id>http://x/search?q=a&amp;author=b</id>");
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="http://x/search/feed?q=a&amp;author=b"/>`);
    expect(xml).toContain("<title>报库：“&lt;a&gt;”</title>");
    expect(xml).toContain("<title>A&amp;B</title>");
    expect(xml).toContain("<summary>&lt;p&gt;</summary>");
    expect(xml).toContain("<author><name>报库</name></author>");
    expect(xml.match(/<author>/g)).toHaveLength(1);
  });
});

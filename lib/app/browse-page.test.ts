import { describe, expect, it } from "vitest";
import { parseBrowseSegment } from "./browse-page";
import { toDocumentPath } from "./document-routes";

describe("browse URL segment", () => {
  it("reads a year, a month or a day", () => {
    expect(parseBrowseSegment(undefined)).toEqual({ year: null, month: null, day: null });
    expect(parseBrowseSegment("2019")).toEqual({ year: "2019", month: null, day: null });
    expect(parseBrowseSegment("2019-02")).toEqual({ year: "2019", month: "2019-02", day: null });
    expect(parseBrowseSegment("2019-02-21")).toEqual({ year: "2019", month: "2019-02", day: "2019-02-21" });
  });

  it("rejects what is not a calendar date", () => {
    for (const bad of ["2019-13", "2019-02-30", "19-02", "2019-2-1", "latest"]) expect(parseBrowseSegment(bad)).toBeNull();
  });
});

describe("whole-document twins", () => {
  it("sends full document requests of streamed pages to their twin, client navigations to the page itself", () => {
    const documentRequest = new Headers({ accept: "text/html" });
    expect(toDocumentPath("/search", documentRequest)).toBe("/document/search");
    expect(toDocumentPath("/articles/abc", documentRequest)).toBe("/document/articles/abc");
    expect(toDocumentPath("/browse/2019-02-21", documentRequest)).toBe("/document/browse/2019-02-21");
    expect(toDocumentPath("/", documentRequest)).toBeNull();
    expect(toDocumentPath("/search", new Headers({ rsc: "1" }))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { readAuthorQuery, readSearchRequest } from "./search-page";

describe("search request from a submitted filter form", () => {
  it("treats empty fields as absent (a form sent without JavaScript submits from= when the date box is empty)", () => {
    const parsed = readSearchRequest(new URLSearchParams("q=江城&from=&to=2019-12-31&topic=经济&topic=&authorq="));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.request).toMatchObject({ q: "江城", to: "2019-12-31", topic: ["经济"] });
    expect(parsed.request.from).toBeUndefined();
    const fromObject = readSearchRequest({ q: "江城", from: "", author: ["李静", ""] });
    if (!fromObject.ok) throw new Error(fromObject.message);
    expect(fromObject.request.from).toBeUndefined();
    expect(fromObject.request.author).toEqual(["李静"]);
  });

  it("still rejects malformed values, and reads the author fragment apart", () => {
    expect(readSearchRequest({ from: "2019/01/01" }).ok).toBe(false);
    expect(readAuthorQuery({ authorq: "  李静 " })).toBe("李静");
    expect(readAuthorQuery(new URLSearchParams())).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { fillPageTemplate, PAGE_MARKS, toPageTemplate } from "./page-template";

describe("page templates", () => {
  it("fills every hole, in any order and number, with this response's values", () => {
    const { nonce, elapsed } = PAGE_MARKS;
    const html = `<script nonce="${nonce}"></script><p>用时 ${elapsed} 毫秒，检索“春运”</p><script nonce="${nonce}" src="/x.js"></script>`;
    const template = toPageTemplate(html);
    expect(template.holes).toEqual(["nonce", "elapsed", "nonce"]);
    expect(template.bytes).toBe(Buffer.byteLength(html) - 2 * Buffer.byteLength(nonce) - Buffer.byteLength(elapsed));
    const page = fillPageTemplate(template, { nonce: "N0nce+/=", elapsed: "7" }).toString("utf8");
    expect(page).toBe('<script nonce="N0nce+/="></script><p>用时 7 毫秒，检索“春运”</p><script nonce="N0nce+/=" src="/x.js"></script>');
  });

  it("keeps a page without holes as it is", () => {
    const template = toPageTemplate("<p>无法执行这个检索</p>");
    expect(template.holes).toEqual([]);
    expect(fillPageTemplate(template, { nonce: "a", elapsed: "1" }).toString("utf8")).toBe("<p>无法执行这个检索</p>");
  });

  it("uses marks that differ from each other and are safe unescaped in HTML", () => {
    expect(PAGE_MARKS.nonce).not.toBe(PAGE_MARKS.elapsed);
    for (const mark of Object.values(PAGE_MARKS)) expect(mark).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  });
});

import { describe, expect, it } from "vitest";
import { escapeXml, removeInvalidXmlChars } from "./escape-xml";

describe("escapeXml", () => {
  it("escapes the five XML specials, for content and both attribute quotes", () => {
    expect(escapeXml(`<b>“A&B”</b> 'x' "y"`)).toBe("&lt;b&gt;“A&amp;B”&lt;/b&gt; &apos;x&apos; &quot;y&quot;");
  });

  it("escapes an ampersand that already looks like an entity, so the text comes back as written", () => {
    expect(escapeXml("&amp; &#20013;")).toBe("&amp;amp; &amp;#20013;");
  });

  it("drops characters XML 1.0 forbids and keeps tab, line breaks and astral characters", () => {
    expect(removeInvalidXmlChars("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFF")).toBe("abcdefgh");
    expect(removeInvalidXmlChars("lone \uD800 and \uDC00 surrogates")).toBe("lone  and  surrogates");
    expect(removeInvalidXmlChars("\t\n\r 𠀀 中文 \u007F")).toBe("\t\n\r 𠀀 中文 \u007F");
  });
});

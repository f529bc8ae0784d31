import { describe, expect, it } from "vitest";
import type { ArticleBlock } from "@/lib/article/types";
import { encodeChar } from "./coded-chars";
import { encodeWord, toCodedWordText, toWholeWordToken } from "./whole-words";

function article(title: string, body: string) {
  const blocks: ArticleBlock[] = body.split("\n").map((text) => ({ kind: "paragraph", text }));
  return { kicker: null, title, subtitle: null, blocks };
}

describe("whole-word tokens", () => {
  it("spells a word as one token longer than any char token", () => {
    expect(encodeWord("华人")).toBe(encodeChar("华") + encodeChar("人"));
    expect(encodeWord("华人")).toMatch(/^[a-z]{8}$/u);
  });

  it("indexes the distinct jieba words of headline and body, hard-separated, in matching form", () => {
    const text = toCodedWordText(article("海外華人 社区", "海外华人欢度春节。\n中华人民共和国成立"));
    const tokens = text.split(" . ");
    expect(tokens).toContain(encodeWord("华人"));
    expect(tokens).toContain(encodeWord("中华人民共和国"));
    expect(new Set(tokens).size).toBe(tokens.length);
    // Single characters are never word tokens.
    expect(tokens).not.toContain(encodeWord("。"));
    expect(tokens.every((token) => token.length >= 8)).toBe(true);
  });

  it("gives a token only for a term that jieba keeps as one word", () => {
    expect(toWholeWordToken("华人")).toBe(encodeWord("华人"));
    expect(toWholeWordToken("中华人民共和国")).toBe(encodeWord("中华人民共和国"));
    expect(toWholeWordToken("国人民")).toBeNull();
    expect(toWholeWordToken("华")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { decodeSignedBytes, encodeSignedBytes } from "./signed-byte-text";

describe("signed byte text", () => {
  it("gives back every value from −127 to 127", () => {
    const all = Int8Array.from({ length: 255 }, (_, at) => at - 127);
    expect(Array.from(decodeSignedBytes(encodeSignedBytes(all)))).toEqual(Array.from(all));
  });

  it("gives back random vectors, in text JSON keeps as it is", () => {
    const random = createRandom(4);
    const values = Int8Array.from({ length: 5000 }, () => Math.round((random() - 0.5) * 254));
    const text = encodeSignedBytes(values);
    expect(text).not.toMatch(/["\\]/u);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(decodeSignedBytes(text)).toEqual(values);
  });

  it("writes a value from −45 to 45 as one character and any other as three", () => {
    expect(encodeSignedBytes(Int8Array.from([-45, 0, 45]))).toHaveLength(3);
    expect(encodeSignedBytes(Int8Array.from([46, -127]))).toHaveLength(6);
  });

  it("refuses text it did not write", () => {
    expect(() => decodeSignedBytes('a"b')).toThrow(/unexpected character at 1/u);
    expect(() => decodeSignedBytes("!a")).toThrow(/unexpected character at 2/u);
  });
});

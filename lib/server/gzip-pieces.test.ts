import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressPieces, joinGzip } from "./gzip-pieces";

describe("gzip of pieces and per-response values", () => {
  const pieces = ["<!DOCTYPE html><p>春运".repeat(300), "</p><script nonce=\"", "\"></script>用时 ", " 毫秒</p>".repeat(50)].map((text) => Buffer.from(text));

  it("gunzips to the pieces joined with the values, for any values", async () => {
    const compressed = await compressPieces(pieces);
    for (const values of [["abc+/==", "7", "1234"], ["", "", ""], ["x".repeat(70_000), "五", "0"]]) {
      const asBytes = values.map((value) => Buffer.from(value));
      const expected = Buffer.concat(pieces.flatMap((piece, index) => [piece, asBytes[index] ?? Buffer.alloc(0)]));
      const zipped = joinGzip(pieces, compressed, asBytes);
      expect(zlib.gunzipSync(zipped).equals(expected)).toBe(true);
      // The frame's own checks (CRC-32 and length) hold: a strict reader finds nothing after the stream.
      expect(zipped.readUInt32LE(zipped.length - 4)).toBe(expected.length);
    }
  });

  it("compresses: the pieces are not sent as they are", async () => {
    const compressed = await compressPieces(pieces);
    const zipped = joinGzip(pieces, compressed, [Buffer.from("n"), Buffer.from("1"), Buffer.from("2")]);
    expect(zipped.length).toBeLessThan(Buffer.concat(pieces).length / 5);
  });

  it("takes empty pieces, as a hole at the start or two holes side by side leave", async () => {
    const parts = ["", "<p>", "", "</p>"].map((text) => Buffer.from(text));
    const zipped = joinGzip(parts, await compressPieces(parts), ["a", "b", "c"].map((text) => Buffer.from(text)));
    expect(zlib.gunzipSync(zipped).toString("utf8")).toBe("a<p>bc</p>");
  });

  it("makes one valid stream of a single piece", async () => {
    const [only] = [Buffer.from("无法执行这个检索")];
    const zipped = joinGzip([only!], await compressPieces([only!]), []);
    expect(zlib.gunzipSync(zipped).toString("utf8")).toBe("无法执行这个检索");
  });
});

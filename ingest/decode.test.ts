import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";

const SAMPLE = "中文报纸\r\n第二行\r第三行\n";
const EXPECTED = "中文报纸\n第二行\n第三行\n";

function utf16(text: string, endian: "le" | "be"): Buffer {
  const le = Buffer.from(text, "utf16le");
  if (endian === "le") return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

describe("decodeText", () => {
  it("decodes UTF-8 without a BOM and turns CRLF and CR into LF", () => {
    expect(decodeText(Buffer.from(SAMPLE, "utf8"), "a.txt")).toEqual({ ok: true, text: EXPECTED, encoding: "utf-8", bom: false });
  });

  it("drops a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, "utf8")]);
    expect(decodeText(bytes, "a.txt")).toEqual({ ok: true, text: EXPECTED, encoding: "utf-8", bom: true });
  });

  it("decodes UTF-16 LE and BE with a BOM", () => {
    expect(decodeText(utf16(SAMPLE, "le"), "a.txt")).toEqual({ ok: true, text: EXPECTED, encoding: "utf-16le", bom: true });
    expect(decodeText(utf16(SAMPLE, "be"), "a.txt")).toEqual({ ok: true, text: EXPECTED, encoding: "utf-16be", bom: true });
  });

  it("recognises GB18030/GBK Chinese text that is not UTF-8", () => {
    // 中文 is d6d0 cec4 in GBK; 报纸 is b1a8 d6bd.
    const bytes = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xa8, 0xd6, 0xbd, 0x0d, 0x0a, 0x41]);
    expect(decodeText(bytes, "gbk.txt")).toEqual({ ok: true, text: "中文报纸\nA", encoding: "gb18030", bom: false });
  });

  it("refuses empty and whitespace-only files, naming the file", () => {
    expect(decodeText(new Uint8Array(0), "empty.txt")).toEqual({ ok: false, error: "empty.txt: empty file" });
    const blank = decodeText(Buffer.from("  \r\n\u3000\n", "utf8"), "blank.txt");
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error).toMatch(/^blank\.txt: empty file/u);
  });

  it("refuses binary files", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const result = decodeText(png, "image.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^image\.txt: binary file/u);
    const controls = decodeText(Buffer.from("ab\u0001\u0002\u0003\u0004cd", "utf8"), "ctl.txt");
    expect(controls.ok).toBe(false);
    if (!controls.ok) expect(controls.error).toMatch(/binary file \(4 control characters/u);
  });

  it("refuses bytes that are neither UTF-8 nor Chinese GB18030 text", () => {
    const latin1 = Buffer.from("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e", "latin1");
    const result = decodeText(latin1, "latin1.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^latin1\.txt: cannot decode: not valid UTF-8 \(first bad byte at offset 3\)/u);
  });

  it("reports damaged UTF-8 instead of reading it as GB18030 mojibake", () => {
    const damaged = Buffer.concat([Buffer.from("人民日报".repeat(30), "utf8"), Buffer.from([0xff]), Buffer.from("第一版", "utf8")]);
    const result = decodeText(damaged, "broken.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe("broken.txt: cannot decode: invalid UTF-8 at byte offset 360 (1 bad sequence(s) in otherwise UTF-8 text)");
  });

  it("refuses a UTF-16 file whose BOM does not match its bytes", () => {
    const odd = Buffer.from([0xff, 0xfe, 0x41]);
    const result = decodeText(odd, "odd.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^odd\.txt: cannot decode as utf-16le/u);
  });
});

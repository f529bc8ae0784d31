/**
 * Bytes of an input text file → text with LF line ends, or an error naming the file.
 *
 * Archives come from many tools: UTF-8 with or without a BOM, UTF-16 with a BOM
 * (Windows "Unicode" text), and GB18030/GBK from older Chinese software. Anything
 * that is not confidently one of these is refused rather than indexed as mojibake.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; error: string };

/** Share of control characters above which a file is treated as binary rather than text with a stray byte. */
const MAX_CONTROL_SHARE = 0.01;
/** Share of Han (and CJK punctuation) among non-ASCII characters required to accept a GB18030 reading. */
const MIN_HAN_SHARE_FOR_GB = 0.6;
/** Below this share of bad sequences a file is damaged UTF-8, not another encoding. */
const MAX_INVALID_SHARE_OF_BROKEN_UTF8 = 0.02;

export function decodeText(bytes: Uint8Array, fileLabel: string): DecodeResult {
  if (bytes.length === 0) return fail(fileLabel, "empty file");
  const withBom = decodeByBom(bytes, fileLabel);
  const decoded = withBom ?? decodeWithoutBom(bytes, fileLabel);
  if (!decoded.ok) return decoded;
  const text = normalizeLineEnds(decoded.text);
  if (text.trim().length === 0) return fail(fileLabel, "empty file (no text besides whitespace)");
  const controlProblem = describeControlCharacters(text);
  if (controlProblem) return fail(fileLabel, `binary file (${controlProblem})`);
  return { ...decoded, text };
}

function decodeByBom(bytes: Uint8Array, fileLabel: string): DecodeResult | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeStrict(bytes.subarray(3), "utf-8", true, fileLabel);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict(bytes.subarray(2), "utf-16le", true, fileLabel);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict(bytes.subarray(2), "utf-16be", true, fileLabel);
  return null;
}

function decodeWithoutBom(bytes: Uint8Array, fileLabel: string): DecodeResult {
  // NUL never occurs in UTF-8 or GB18030 text; UTF-16 without a BOM is not supported, so it lands here too.
  const nul = bytes.indexOf(0);
  if (nul !== -1) return fail(fileLabel, `binary file (NUL byte at offset ${nul}; UTF-16 text needs a byte-order mark)`);
  const utf8 = decodeStrict(bytes, "utf-8", false, fileLabel);
  if (utf8.ok) return utf8;
  const scan = scanUtf8(bytes);
  // A UTF-8 file with a few damaged bytes must not be "rescued" as GB18030: that reading is mojibake.
  if (scan.invalid / (scan.validMultibyte + scan.invalid) < MAX_INVALID_SHARE_OF_BROKEN_UTF8) {
    return fail(fileLabel, `cannot decode: invalid UTF-8 at byte offset ${scan.firstInvalid} (${scan.invalid} bad sequence(s) in otherwise UTF-8 text)`);
  }
  const gb = decodeStrict(bytes, "gb18030", false, fileLabel);
  if (gb.ok && looksLikeChineseText(gb.text)) return gb;
  return fail(
    fileLabel,
    `cannot decode: not valid UTF-8 (first bad byte at offset ${scan.firstInvalid}) and not GB18030/GBK Chinese text; convert the file to UTF-8`,
  );
}

function decodeStrict(bytes: Uint8Array, encoding: TextEncodingName, bom: boolean, fileLabel: string): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding, bom };
  } catch {
    return fail(fileLabel, `cannot decode as ${encoding}${bom ? " (the file starts with its byte-order mark)" : ""}: invalid byte sequence`);
  }
}

/** GB18030 maps almost any byte string to some characters, so only a mostly-Han result is believable. */
function looksLikeChineseText(text: string): boolean {
  let nonAscii = 0;
  let chinese = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u201c\u201d\u2019\u2026\u00b7]/u.test(char)) chinese++;
  }
  return nonAscii > 0 && chinese / nonAscii >= MIN_HAN_SHARE_FOR_GB;
}

function describeControlCharacters(text: string): string | null {
  let count = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c) || code === 0x7f;
    if (!isControl) continue;
    if (code === 0) return `NUL character at position ${i}`;
    if (first === -1) first = i;
    count++;
  }
  if (count > 0 && count / text.length > MAX_CONTROL_SHARE) return `${count} control characters, first at position ${first}`;
  return null;
}

function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

type Utf8Scan = { validMultibyte: number; invalid: number; firstInvalid: number };

/** Counts well-formed multi-byte sequences and bad positions in one pass (resynchronising after each bad byte). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { validMultibyte: 0, invalid: 0, firstInvalid: -1 };
  let i = 0;
  while (i < bytes.length) {
    const length = readUtf8SequenceLength(bytes, i);
    if (length === 0) {
      if (scan.firstInvalid === -1) scan.firstInvalid = i;
      scan.invalid++;
      i++;
      continue;
    }
    if (length > 1) scan.validMultibyte++;
    i += length;
  }
  return scan;
}

/** Length of the well-formed sequence starting at `start`, or 0 when the bytes there are not one. */
function readUtf8SequenceLength(bytes: Uint8Array, start: number): number {
  const lead = bytes[start] ?? 0;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  for (let k = 1; k < length; k++) {
    const next = bytes[start + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
  }
  return length;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function fail(fileLabel: string, message: string): DecodeResult {
  return { ok: false, error: `${fileLabel}: ${message}` };
}

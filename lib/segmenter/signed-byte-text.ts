/**
 * Signed bytes (−127…127) as JSON-safe text, one character for each small value: the subject
 * space's vectors (subject-space.ts) are mostly near 0 (unit vectors of 48 components × 127), so
 * this takes about 1.02 characters a value where base64 takes 1.33, and keeps the model file under
 * 2 MB without changing a value.
 *
 * A value in −45…45 is one character of ALPHABET (printable ASCII without `"`, `\` and `!`); any
 * other is `!` followed by two ALPHABET characters holding value + 127 in base 91.
 */

const ALPHABET = Array.from({ length: 94 }, (_, at) => String.fromCharCode(33 + at))
  .filter((char) => char !== '"' && char !== "\\" && char !== "!")
  .join("");
const BASE = ALPHABET.length; // 91
const SMALL = (BASE - 1) / 2; // 45
const ESCAPE = "!";
/** Each character code's place in ALPHABET (−1 for any other): decoding reads half a million characters when the model loads. */
const DIGITS = Int16Array.from({ length: 128 }, (_, code) => ALPHABET.indexOf(String.fromCharCode(code)));
const ESCAPE_CODE = ESCAPE.charCodeAt(0);

export function encodeSignedBytes(values: Int8Array): string {
  let text = "";
  for (const value of values) {
    if (value < -127) throw new RangeError(`signed byte text: ${value} is below −127`);
    if (Math.abs(value) <= SMALL) text += ALPHABET[value + SMALL];
    else text += ESCAPE + ALPHABET[Math.floor((value + 127) / BASE)] + ALPHABET[(value + 127) % BASE];
  }
  return text;
}

export function decodeSignedBytes(text: string): Int8Array {
  const digit = (at: number) => {
    const code = text.charCodeAt(at); // NaN past the end
    const found = code < 128 ? DIGITS[code]! : -1;
    if (!(found >= 0)) throw new Error(`signed byte text: unexpected character at ${at}`);
    return found;
  };
  const values = new Int8Array(text.length);
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) === ESCAPE_CODE) {
      values[count++] = digit(at + 1) * BASE + digit(at + 2) - 127;
      at += 2;
    } else values[count++] = digit(at) - SMALL;
  }
  return values.slice(0, count);
}

/**
 * Character pairs that running newspaper text puts side by side far more often than chance
 * (pointwise mutual information of at least 1 over the training months, seen at least ten
 * times), among its most frequent characters. A line that goes on with another's sentence
 * usually makes such a pair across the join even where the cut falls between two words, where
 * no dictionary word spans it (about half of all cuts): on generated dev pages 61 % of real
 * continuations do, against about 10 % of lines that start something else.
 *
 * Stored in the model file as the characters in rank order and the sorted pair codes
 * (left rank × characters + right rank) as base64 of variable-length gaps: ~50,000 pairs in
 * about 100 kB.
 */

export type CharPairsFile = { chars: string; pairs: string };

export type CharPairs = { rank: ReadonlyMap<string, number>; size: number; pairs: ReadonlySet<number> };

export function encodeCharPairs(chars: readonly string[], codes: readonly number[]): CharPairsFile {
  const bytes: number[] = [];
  let last = 0;
  for (const code of [...codes].sort((a, b) => a - b)) {
    let gap = code - last;
    last = code;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
  }
  return { chars: chars.join(""), pairs: Buffer.from(bytes).toString("base64") };
}

export function decodeCharPairs(file: CharPairsFile): CharPairs {
  const chars = [...file.chars];
  const rank = new Map(chars.map((char, index) => [char, index]));
  const pairs = new Set<number>();
  const bytes = Buffer.from(file.pairs, "base64");
  let code = 0;
  let gap = 0;
  let shift = 0;
  for (const byte of bytes) {
    gap |= (byte & 0x7f) << shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    code += gap;
    pairs.add(code);
    gap = 0;
    shift = 0;
  }
  return { rank, size: chars.length, pairs };
}

export function toPairCode(pairs: Pick<CharPairs, "rank" | "size">, left: string, right: string): number | null {
  const a = pairs.rank.get(left);
  const b = pairs.rank.get(right);
  return a === undefined || b === undefined ? null : a * pairs.size + b;
}

/**
 * How the last character of `before` and the first of `after` (both normalised) read together:
 * "pair" when running text joins them often, "rare" when either is outside the table, "none" otherwise.
 */
export function readJoinPair(pairs: CharPairs, before: string, after: string): "pair" | "none" | "rare" {
  if (!before || !after) return "rare";
  const left = String.fromCodePoint(before.codePointAt(before.length - 1 - (isLowSurrogate(before, before.length - 1) ? 1 : 0))!);
  const right = String.fromCodePoint(after.codePointAt(0)!);
  const code = toPairCode(pairs, left, right);
  if (code === null) return "rare";
  return pairs.pairs.has(code) ? "pair" : "none";
}

function isLowSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

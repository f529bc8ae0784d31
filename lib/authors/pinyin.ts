import { pinyin } from "pinyin-pro";

/**
 * Pinyin keys of a person's name, for the author filter box: 李静 is found by
 * 李静, 李, lijing, li jing, ljing and lj. Surname readings (单 → shan) come
 * from pinyin-pro's surname mode.
 */
export type PinyinKeys = { syllables: string[]; full: string; initials: string };

export function toPinyinKeys(name: string): PinyinKeys {
  const syllables = pinyin(name, { toneType: "none", type: "array", surname: "head", nonZh: "consecutive" })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter(Boolean);
  return { syllables, full: syllables.join(""), initials: syllables.map((syllable) => syllable[0] ?? "").join("") };
}

/** True when `query` (Chinese, full pinyin, initials, or a mix such as ljing) matches the name. */
export function matchesAuthorQuery(name: string, query: string, knownKeys?: PinyinKeys): boolean {
  const needle = query.trim().toLowerCase().replace(/\s+/g, "");
  if (!needle) return true;
  if (/\p{Script=Han}/u.test(needle)) return name.includes(needle);
  // Pinyin only for Latin input: most lookups are typed in 汉字.
  const keys = knownKeys ?? toPinyinKeys(name);
  if (keys.full.startsWith(needle) || keys.initials.startsWith(needle)) return true;
  return matchesSyllablePrefixes(keys.syllables, needle);
}

/** ljing, lij, lijing: each syllable given in full or by a prefix, in order, from the start. */
function matchesSyllablePrefixes(syllables: readonly string[], needle: string, at = 0): boolean {
  if (needle.length === 0) return true;
  const syllable = syllables[at];
  if (syllable === undefined) return false;
  for (let take = Math.min(syllable.length, needle.length); take >= 1; take--) {
    if (needle.startsWith(syllable.slice(0, take)) && matchesSyllablePrefixes(syllables, needle.slice(take), at + 1)) return true;
  }
  return false;
}

/** Sort key in pinyin order (syllables, then the characters to break ties). */
export function toPinyinSortKey(name: string, keys: PinyinKeys = toPinyinKeys(name)): string {
  return `${keys.syllables.join(" ")}\u0000${name}`;
}

/** How well a name matches, for ranking facet suggestions: exact, then prefix, then anywhere, then pinyin. */
export function rankAuthorMatch(name: string, query: string): number {
  const needle = query.trim().toLowerCase();
  if (!needle) return 3;
  if (name === needle) return 0;
  if (name.startsWith(needle)) return 1;
  if (name.includes(needle)) return 2;
  return matchesAuthorQuery(name, needle) ? 3 : 4;
}

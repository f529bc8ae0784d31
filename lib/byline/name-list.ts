import { squash } from "@/lib/text/squash";
import { isListedName } from "./names";

/**
 * Personal names from a list: 王昊男、李红梅 / 朱  磊  黄哲雨 / 雷 声 周 石. Print spaces
 * two-character names out (朱  磊), so runs of single characters pair up. Null when any
 * piece is not plausibly a name.
 */
export function readNames(text: string): string[] | null {
  const names: string[] = [];
  const chunks = squash(text).split(/[、，,；;]/u).map((chunk) => chunk.trim()).filter((chunk) => chunk !== "");
  if (chunks.length === 0) return null;
  for (const chunk of chunks) {
    // 谢卫群等: "and others" after the last name.
    const merged = pairSpacedCharacters(chunk.replace(/(?<=[^ ]{2})等$/u, "").split(" "));
    if (!merged.every(isListedName)) return null;
    names.push(...merged);
  }
  return names;
}

/** Single characters come from names printed with spaces; pair them up (an odd run gives one three-character name). */
function pairSpacedCharacters(tokens: readonly string[]): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i += 2) {
      const rest = run.length - i;
      if (rest === 3) {
        names.push(run.slice(i).join(""));
        break;
      }
      names.push(run.slice(i, i + 2).join(""));
    }
    run = [];
  };
  for (const token of tokens) {
    if ([...token].length === 1) run.push(token);
    else {
      flush();
      names.push(token);
    }
  }
  flush();
  return names;
}

/** Collapses layout spaces (ASCII, NBSP, ideographic, runs of them) into single ASCII spaces and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, " ").trim();
}

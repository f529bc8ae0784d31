import { warmUpSegmentation } from "@/lib/segment/jieba";
import { warmUpMatchPatterns } from "./match-pattern";

/**
 * What a server process loads once before its first search: jieba's dictionaries (0.9 s) and the
 * highlighter's table of character variants (about 0.25 s), so no reader's search waits for them.
 */
export function warmUpSearch(): void {
  warmUpSegmentation();
  warmUpMatchPatterns();
}

/**
 * Runs once when the Next.js server starts. Loading jieba's dictionaries and the highlighter's
 * table here keeps the second they take off the first reader's search (lib/search/warm-up.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmUpSearch } = await import("./lib/search/warm-up");
  warmUpSearch();
}

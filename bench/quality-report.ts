import type { BenchQuery } from "./quality-queries";
import { percentile } from "./latency";

/** Recall and precision per query and overall, for each system, printed side by side. */

export type QueryOutcome = {
  query: BenchQuery;
  truth: number;
  found: number;
  misses: number;
  falsePositives: number;
  recall: number;
  precision: number;
  /** Set when the system's own total or facet counts disagree with the ids it returned. */
  inconsistency?: string;
  ms: number;
  /** Ours only: the first page as readers get it (settle "later") was answered before its term was verified. */
  answeredBeforeVerification?: boolean;
  /** Ours only: that first page's time, ms. */
  readersMs?: number;
};

export type SystemSummary = {
  name: string;
  queries: number;
  recall: number;
  precision: number;
  withMiss: number;
  withFalsePositive: number;
  inconsistent: number;
  p50Ms: number;
  p95Ms: number;
};

export function scoreQuery(query: BenchQuery, truth: ReadonlySet<string>, found: ReadonlySet<string>, ms: number): QueryOutcome {
  let hits = 0;
  for (const id of found) if (truth.has(id)) hits++;
  return {
    query,
    truth: truth.size,
    found: found.size,
    misses: truth.size - hits,
    falsePositives: found.size - hits,
    recall: truth.size === 0 ? 1 : hits / truth.size,
    precision: found.size === 0 ? 1 : hits / found.size,
    ms,
  };
}

export function summarize(name: string, outcomes: readonly QueryOutcome[]): SystemSummary {
  const n = Math.max(1, outcomes.length);
  const times = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  return {
    name,
    queries: outcomes.length,
    recall: outcomes.reduce((sum, outcome) => sum + outcome.recall, 0) / n,
    precision: outcomes.reduce((sum, outcome) => sum + outcome.precision, 0) / n,
    withMiss: outcomes.filter((outcome) => outcome.misses > 0).length,
    withFalsePositive: outcomes.filter((outcome) => outcome.falsePositives > 0).length,
    inconsistent: outcomes.filter((outcome) => outcome.inconsistency !== undefined).length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
  };
}

export function formatSummaryTable(summaries: readonly SystemSummary[]): string {
  const header = ["system", "queries", "recall", "precision", "q w/ miss", "q w/ FP", "inconsistent", "p50 ms", "p95 ms"];
  const rows = summaries.map((summary) => [
    summary.name,
    String(summary.queries),
    summary.recall.toFixed(4),
    summary.precision.toFixed(4),
    String(summary.withMiss),
    String(summary.withFalsePositive),
    String(summary.inconsistent),
    summary.p50Ms.toFixed(0),
    summary.p95Ms.toFixed(0),
  ]);
  return formatTable(header, rows);
}

export function formatCategoryTable(systems: ReadonlyArray<{ name: string; outcomes: readonly QueryOutcome[] }>): string {
  const categories = [...new Set(systems.flatMap((system) => system.outcomes.map((outcome) => outcome.query.category)))];
  const header = ["category", "n", ...systems.flatMap((system) => [`${system.name} R`, `${system.name} P`])];
  const rows = categories.map((category) => {
    const cells = systems.flatMap((system) => {
      const summary = summarize(system.name, system.outcomes.filter((outcome) => outcome.query.category === category));
      return [summary.recall.toFixed(3), summary.precision.toFixed(3)];
    });
    const count = systems[0]?.outcomes.filter((outcome) => outcome.query.category === category).length ?? 0;
    return [category, String(count), ...cells];
  });
  return formatTable(header, rows);
}

export function formatWorst(name: string, outcomes: readonly QueryOutcome[], limit: number): string {
  const bad = outcomes
    .filter((outcome) => outcome.misses > 0 || outcome.falsePositives > 0 || outcome.inconsistency)
    .sort((a, b) => a.recall + a.precision - (b.recall + b.precision) || b.misses + b.falsePositives - (a.misses + a.falsePositives))
    .slice(0, limit);
  if (bad.length === 0) return `${name}: no query with a miss, a false positive or an inconsistent total`;
  const rows = bad.map((outcome) => [
    outcome.query.category,
    outcome.query.q + (outcome.query.sources ? ` [source=${outcome.query.sources.join(",")}]` : ""),
    String(outcome.truth),
    String(outcome.found),
    String(outcome.misses),
    String(outcome.falsePositives),
    outcome.recall.toFixed(3),
    outcome.precision.toFixed(3),
    outcome.inconsistency ?? "",
  ]);
  return `${name}: worst queries\n` + formatTable(["category", "query", "truth", "found", "miss", "FP", "R", "P", "note"], rows);
}

function formatTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell + " ".repeat(Math.max(0, (widths[column] ?? 0) - displayWidth(cell)))).join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** CJK characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}

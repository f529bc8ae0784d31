import { countHits, readIndexVersion, searchIds, type EngineSearch, type QueryTarget } from "./engine-search";
import { buildIdInCondition, joinAllOf } from "./filter";
import type { CompiledQuery } from "./query/compile-query";
import { fetchResultPage, type FacetDistribution, type PageRequest, type ResultPage } from "./result-page";
import { planStep, type StepPlan } from "./step-plan";
import { verifyTerm } from "./term-verifier";

/**
 * Runs a compiled query (lib/search/query/compile-query.ts) against the index:
 * every OR branch, every step, author filters, the reader's facet filter,
 * sort, exact totals, pagination and the facet distribution of the final set.
 *
 * ## Exactness: coded char tokens + verification (the decision, with numbers)
 *
 * Requirement: an article matches a term iff the term is a substring of one of
 * its normalised fields (lib/search/exact-match.ts), and the bench
 * (`npm run bench:quality`) checks exactly that on 435 generated queries.
 *
 * Meilisearch resolves a phrase from pair tables, not positions: "a b c"
 * matches a document with "a b" in one place, "b c" in another and a…c within
 * two words anywhere. Measured before this change (char tokens, phrases only,
 * 3,018 articles): recall 1.000, precision 0.958, 54 of 435 queries with false
 * positives (300元 returned 44 articles for 5 true ones). The engine also folds
 * characters itself (é→e, 告/吿, 德/徳: 60 of this corpus's 6,037 characters).
 *
 * Options measured on the same 10,000 articles and 340 single-term queries
 * (bench/quality-schemes.ts; engine indexing time, plain Meilisearch = 1.00×):
 *
 * | scheme                                   | index time | size  | queries w/ FP | must verify |
 * | ---------------------------------------- | ---------- | ----- | ------------- | ----------- |
 * | plain (raw text, defaults)               | 1.00×      | 527 M | 241, 127 miss | –           |
 * | char tokens (before)                     | 1.19–1.59× | 489 M | 57            | 238 terms   |
 * | char tokens spelled in letters (chosen)  | 1.23×      | 505 M | 57 → 0 after verification | 238 terms, candidates p50 4 / p90 134 / max 733 |
 * | bigram sequence + char set               | 2.45×      | 1.6 G | 1             | 70          |
 * | 1–3-gram sets, no word pairs             | 1.93×      | 1.4 G | 16            | 126         |
 * | 1–4-gram sets, no word pairs             | 3.77×      | 2.8 G | 1             | 69          |
 *
 * The n-gram streams cut verification but cost 2–4× plain indexing (budget:
 * 1.3×), so the index keeps one token per character, spelled in letters so the
 * engine cannot fold characters (coded-chars.ts), and this module verifies
 * what the engine cannot decide:
 * - exact without verification: terms of 1–2 characters anywhere (a single
 *   adjacent pair, words never pair across fields or paragraphs) and
 *   1-character title: terms (word lookups honour the field restriction);
 * - verified: longer terms, and title: terms of 2+ characters (pairs are
 *   index-wide, so the adjacency may come from the body).
 * Verification reads the candidates' stored text (about 70 µs per long
 * article) and remembers verdicts per index version (term-verifier.ts). The
 * result set is then expressed to the engine as the same search plus
 * `NOT id IN [rejected]` — rejected documents are few — so totals, facets,
 * pagination and ranking all come from one engine search over the exact set.
 * Negated terms that need verification leave the engine query; the documents
 * that truly contain them are excluded by id instead.
 *
 * ## Execution
 * - One branch: its steps other than the rank step (step 0) are run first,
 *   chained through `id IN [...]`; the rank step is the final search.
 * - Several branches: one federated multi-search over the branches' final
 *   searches; the engine merges hits, counts each document once and computes
 *   facets over the union.
 */

export type { QueryTarget } from "./engine-search";

export type { FacetDistribution } from "./result-page";

export type ExecuteQueryOptions = PageRequest & {
  /** Null: no text condition (browse everything the filter lets through). */
  compiled: CompiledQuery | null;
  /** The reader's facet filter (lib/search/filter.ts), ANDed with every branch. */
  filter: string | null;
};

export type ExecuteQueryResult<Hit> = ResultPage<Hit> & { processingTimeMs: number };

export async function executeQuery<Hit = Record<string, unknown>>(
  target: QueryTarget,
  options: ExecuteQueryOptions,
): Promise<ExecuteQueryResult<Hit>> {
  const started = performance.now();
  let searches: EngineSearch[] = [withFilter({ q: "" }, options.filter)];
  if (options.compiled) {
    const plans = options.compiled.branches.map((branch) => branch.steps.map(planStep));
    const needsVersion = plans.flat().some((plan) => plan.positiveChecks.length + plan.negativeChecks.length > 0);
    const version = needsVersion ? await readIndexVersion(target) : "";
    const resolved = await Promise.all(
      options.compiled.branches.map((branch, index) =>
        resolveBranch(target, version, plans[index] ?? [], joinAllOf([options.filter, branch.filter])),
      ),
    );
    searches = resolved.filter((search): search is EngineSearch => search !== null);
  }
  const page = await fetchResultPage<Hit>(target, searches, options);
  return { ...page, processingTimeMs: Math.round(performance.now() - started) };
}

/**
 * The branch as one exact engine search, or null when nothing can match it.
 * Each step becomes exact through its exclusions; several steps are
 * intersected through ids, listing the smallest step first (listing costs
 * about 45 µs per document), and the rank step (step 0) is the final search.
 */
async function resolveBranch(
  target: QueryTarget,
  version: string,
  plans: readonly StepPlan[],
  baseFilter: string | null,
): Promise<EngineSearch | null> {
  const exclusions = await Promise.all(plans.map((plan) => buildExclusion(target, version, plan)));
  const searches = plans.map((plan, index) => withFilter(plan.search, joinAllOf([baseFilter, exclusions[index]])));
  const [rankSearch] = searches;
  if (!rankSearch) return null;
  if (searches.length === 1) return rankSearch;
  const counts = await Promise.all(searches.map((search) => countHits(target, search)));
  if (counts.some((count) => count === 0)) return null;
  const order = searches.map((_, index) => index).sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0));
  let ids: string[] | null = null;
  for (const index of order) {
    const search = searches[index];
    if (!search || (index === 0 && ids !== null)) continue;
    ids = await searchIds(target, withFilter(search, joinAllOf([search.filter ?? null, toIdCondition(ids)])));
    if (ids.length === 0) return null;
  }
  return withFilter(rankSearch, joinAllOf([rankSearch.filter ?? null, toIdCondition(ids)]));
}

/**
 * What the engine would wrongly keep for a step, as a filter: candidates
 * without a positive term that needed verification, and documents that truly
 * contain a negated one (which left the engine query).
 */
async function buildExclusion(target: QueryTarget, version: string, plan: StepPlan): Promise<string | null> {
  if (plan.positiveChecks.length === 0 && plan.negativeChecks.length === 0) return null;
  const [positives, negatives] = await Promise.all([
    Promise.all(plan.positiveChecks.map((check) => verifyTerm(target, version, check))),
    Promise.all(plan.negativeChecks.map((check) => verifyTerm(target, version, check))),
  ]);
  const excluded = new Set<string>();
  for (const verdicts of positives) for (const id of verdicts.rejected) excluded.add(id);
  for (const verdicts of negatives) for (const id of verdicts.containing) excluded.add(id);
  const [first, ...rest] = excluded;
  return first === undefined ? null : `NOT ${buildIdInCondition([first, ...rest])}`;
}

function toIdCondition(ids: readonly string[] | null): string | null {
  return ids === null ? null : buildIdInCondition(ids as [string, ...string[]]);
}

function withFilter(search: EngineSearch, filter: string | null): EngineSearch {
  const { filter: _previous, ...rest } = search;
  return filter === null ? rest : { ...rest, filter };
}

import type { RecordAny } from "meilisearch";
import { countHits, readIndexVersion, searchIds, type EngineSearch, type QueryTarget } from "./engine-search";
import { subtractDocuments } from "./decoy-facets";
import { listFacetSourceFields } from "./documents";
import { buildIdInCondition, joinAllOf } from "./filter";
import type { CompiledQuery } from "./query/compile-query";
import { fetchResultPage, type PageRequest, type ResultPage } from "./result-page";
import { planStep, type StepPlan } from "./step-plan";
import { settleTermLater } from "./settle-later";
import { fileVerdicts, findKnownVerdicts, findRejected, listCheckedFields, verifyTerm, type CheckTerm, type StoredText } from "./term-verifier";

/**
 * Runs a compiled query (lib/search/query/compile-query.ts) against the index:
 * every OR branch, every step, author filters, the reader's facet filter,
 * sort, exact totals, pagination and the facet distribution of the final set.
 *
 * ## Exactness: letter-coded char tokens + verification (the decision)
 *
 * Promise: an article matches a term iff the term is a substring of one of its
 * normalised fields (lib/search/exact-match.ts). `npm run bench:quality`
 * checks that on 435 queries generated from the corpus against ground truth
 * from scanning the text. Full corpus (82,846 articles):
 *
 * | system                                  | recall | precision | queries w/ miss / FP |
 * | --------------------------------------- | ------ | --------- | -------------------- |
 * | ours (this module)                      | 1.000  | 1.000     | 0 / 0                |
 * | our index, engine phrase matching alone | ≈1.000 | 0.956     | 2 / 90               |
 * | plain Meilisearch (raw text, defaults)  | 0.618  | 0.449     | 255 / 292            |
 *
 * Why the engine alone is not exact: Meilisearch resolves a phrase from
 * index-wide word-pair tables, not positions, so "a b c" matches a document
 * with "a b" in one place, "b c" in another and a…c within two words anywhere
 * (20.8% returned 237 articles for 27 true ones); a negated phrase then
 * excludes too much (the two misses). Its tokenizer also folds characters
 * (é→e, 告/吿, 德/徳: 60 of the corpus's 5,966 characters,
 * bench/quality-folding.ts), which letter-coded tokens avoid (coded-chars.ts).
 *
 * Token streams compared (bench/quality-schemes.ts: the same articles, the
 * same bulk batches; engine indexing time and size relative to plain
 * Meilisearch; FP = single-term queries the engine alone answers with false
 * positives, of 340):
 *
 * | scheme                                  | 20,000 articles, best of 2 | 10,000 articles, one run   |
 * | --------------------------------------- | -------------------------- | -------------------------- |
 * | char tokens as CJK (before)             | 1.38× time, 0.90× size     | 1.19–1.59×, 0.93×, 57 FP   |
 * | char tokens spelled in letters (chosen) | 1.03–1.06×, 0.92×          | 1.23×, 0.96×, 57 FP        |
 * | … without filterable attributes         | 0.90×, 0.89×               |                            |
 * | bigram sequence + set of chars          |                            | 2.45×, 3.1×, 1 FP          |
 * | 1–3-gram sets, no word pairs            |                            | 1.93×, 2.6×, 16 FP         |
 * | 1–4-gram sets, no word pairs            |                            | 3.77×, 5.2×, 1 FP          |
 *
 * N-gram streams shrink verification but cost 2–4× plain indexing (budget
 * 1.3×). Full corpus, best of two bulk runs: 189.6 s against 201.5 s for
 * plain Meilisearch (0.94×), 2.79 GB against 2.90 GB. Timings on this shared
 * 2-core machine swing with other work: a single full run with batches
 * alternating between the two indexes read 1.29×, and filling through
 * runIngest, whose parser competes for the cores, 1.22–1.40×.
 *
 * What the engine decides exactly, and what is verified:
 * - exact: terms of 1–2 characters anywhere (a single adjacent pair; word
 *   pairs never span fields, and paragraphs are hard-separated) and
 *   1-character title: terms (word lookups honour the field restriction);
 * - verified: longer terms, and title: terms of 2+ characters (pairs are
 *   index-wide, so the adjacency may come from the body).
 * A verified term's candidates are listed once per index version with their
 * stored text and checked (term-verifier.ts); when the query has other terms or a
 * filter, only the candidates of that narrower search are listed, unless the
 * term's own verdicts are known already: full corpus, 3+-character terms
 * have p50 17 / p90 1,153 / max 10,031 candidates, so the first query with a
 * term takes p50 14 / p95 211 / p99 566 ms, later ones p50 7 ms
 * (`npm run bench:search`). A one-step query whose verdicts are not known
 * yet fetches its result page first (runOneStepFirst): a page as long as its
 * total holds every candidate and settles them without a listing. The query
 * then runs as the same engine search plus `NOT id IN [rejected]` (rejected candidates are few; negated terms
 * that need verification leave the engine query and the articles that truly
 * contain them are excluded instead), so totals, facets, pagination and
 * ranking come from one engine search over exactly the right set.
 *
 * ## Execution
 * - One branch: steps other than the rank step (step 0) are intersected
 *   through `id IN [...]`, smallest first; the rank step is the final search.
 * - Several branches: one federated multi-search; the engine merges hits
 *   (by date when sorted: "sort" is the first ranking rule), counts each
 *   article once and computes facets over the union (result-page.ts).
 */

export type { QueryTarget } from "./engine-search";

export type { FacetDistribution } from "./result-page";

export type ExecuteQueryOptions = PageRequest & {
  /** Null: no text condition (browse everything the filter lets through). */
  compiled: CompiledQuery | null;
  /** The reader's facet filter (lib/search/filter.ts), ANDed with every branch. */
  filter: string | null;
  /** The index version just read by the caller (readIndexVersion), when it has one: saves reading it again. */
  indexVersion?: string;
  /**
   * When a long term's verdicts are not known yet and the first page does not hold every candidate:
   * `now` (default) lists and judges the candidates before answering, so the total and facets are
   * exact; `later` checks the page's own hits instead, or a window of the first hits (checkPageHits),
   * so the hits are exact while the total and facets are the engine's upper bound (`exact: false`),
   * and verifies the term after answering (settle-later.ts).
   * `later` bounds a reader's first search by the page, not by the term's candidates.
   */
  settle?: SettleMode;
};

export type SettleMode = "now" | "later";

/** `exact`: false when the total and facet counts may still include candidates without the term (settle: "later"). */
export type ExecuteQueryResult<Hit> = ResultPage<Hit> & { processingTimeMs: number; exact: boolean };

/**
 * How many of the first hits are fetched and checked, one window after the other, when the first page
 * held candidates without the term; after the last, the candidates are listed instead. On the whole
 * corpus some terms' candidates are nearly half false (20%: 1,700 for 946), so a page refetched
 * without the decoys it showed keeps finding new ones: a wider window settles such a page at once.
 */
const CHECK_WINDOWS = [80, 320] as const;

export async function executeQuery<Hit extends RecordAny = RecordAny>(
  target: QueryTarget,
  options: ExecuteQueryOptions,
): Promise<ExecuteQueryResult<Hit>> {
  const started = performance.now();
  let searches: EngineSearch[] = [withFilter({ q: "" }, options.filter)];
  if (options.compiled) {
    // Only step 0 ranks what the reader sees; the others only count and list ids.
    const plans = options.compiled.branches.map((branch) => branch.steps.map((step, index) => planStep(step, { rank: index === 0 })));
    const needsVersion = plans.flat().some((plan) => plan.positiveChecks.length + plan.negativeChecks.length > 0);
    // Read fresh, not through index-version.ts's one-second cache: verdicts filed under a
    // stale version would let a just-added candidate through unverified.
    const version = needsVersion ? (options.indexVersion ?? (await readIndexVersion(target))) : "";
    const [onlyBranch, ...otherBranches] = options.compiled.branches;
    const [onlyPlan, ...otherSteps] = plans[0] ?? [];
    if (onlyBranch && onlyPlan && otherBranches.length === 0 && otherSteps.length === 0 && !target.shards) {
      const page = await runOneStepFirst<Hit>(target, version, onlyPlan, joinAllOf([options.filter, onlyBranch.filter]), options);
      if (page) return { ...page, processingTimeMs: Math.round(performance.now() - started) };
    }
    const resolved = await Promise.all(
      options.compiled.branches.map((branch, index) =>
        resolveBranch(target, version, plans[index] ?? [], joinAllOf([options.filter, branch.filter])),
      ),
    );
    searches = resolved.filter((search): search is EngineSearch => search !== null);
  }
  const page = await fetchResultPage<Hit>(target, searches, options);
  return { ...page, processingTimeMs: Math.round(performance.now() - started), exact: true };
}

/**
 * A one-step query with terms whose verdicts are not known yet, run result page first: the final
 * search with the exclusions already known, then the missing verdicts. A first page as long as
 * its total holds every candidate, so it settles them itself (a rare term's first search then
 * costs one engine search, not a listing and a search); otherwise they are listed as usual. The
 * page stands when the new verdicts reject none of its candidates, and is fetched again with
 * them excluded when they do. Null when every verdict is known (or a negated term needs one):
 * the usual path then serves.
 */
async function runOneStepFirst<Hit extends RecordAny>(
  target: QueryTarget,
  version: string,
  plan: StepPlan,
  baseFilter: string | null,
  request: PageRequest & { settle?: SettleMode },
): Promise<(ResultPage<Hit> & { exact: boolean }) | null> {
  if (plan.negativeChecks.length > 0 || plan.positiveChecks.length === 0) return null;
  const within = plan.narrows || baseFilter !== null ? { ...plan.candidateQuery, filter: baseFilter } : null;
  const known = plan.positiveChecks.map((check) => findKnownVerdicts(version, check, within));
  if (known.every((verdicts) => verdicts !== null)) return null;
  const excluded = new Set<string>();
  for (const verdicts of await Promise.all(known)) for (const id of verdicts?.rejected ?? []) excluded.add(id);
  const search = (ids: ReadonlySet<string>) => withFilter(plan.search, joinAllOf([baseFilter, toExclusion(ids)]));
  const page = await fetchResultPage<Hit>(target, [search(excluded)], request);
  // Verdicts filed from the page must cover every candidate of `within`: none may be excluded already.
  const holdsAll =
    excluded.size === 0 &&
    (page.totalHits === 0 || (page.page === 1 && page.hits.length >= page.totalHits && holdsCheckedFields(plan, request)));
  const missing = plan.positiveChecks.filter((_, index) => known[index] === null);
  if (!holdsAll && request.settle === "later" && request.page === 1) {
    // Windows carry the fields the terms are judged on, whatever the page itself asked for (a count asks for none),
    // and those the decoys' facet values are read from; they count no facets themselves (checkPageHits).
    const judged = { ...request, attributesToRetrieve: [...new Set(["id", ...request.attributesToRetrieve, ...missing.flatMap(listCheckedFields), ...listFacetSourceFields(request.facets)])] };
    const checked = await checkPageHits(page, missing, request, holdsCheckedFields(plan, request), (rejected, window, counted) =>
      fetchResultPage<Hit>(target, [search(new Set([...excluded, ...rejected]))], { ...judged, hitsPerPage: window, facets: counted ? request.facets : [] }),
    );
    if (checked) {
      // A window that reached the last candidate has judged them all (with the page's own hits, when
      // nothing was excluded before): filed as a listing would file them, so none is listed again.
      const every = excluded.size === 0 ? checked.every : null;
      for (const check of missing) {
        if (every) fileVerdicts(version, check, within, every as unknown as StoredText[]);
        else settleTermLater(target, version, check, within);
      }
      return { ...checked.page, exact: checked.exact };
    }
  }
  const settled = await Promise.all(
    missing.map((check) => (holdsAll ? fileVerdicts(version, check, within, page.hits as unknown as StoredText[]) : verifyTerm(target, version, check, within))),
  );
  const before = excluded.size;
  for (const verdicts of settled) for (const id of verdicts.rejected) excluded.add(id);
  const settledPage = excluded.size === before ? page : await fetchResultPage<Hit>(target, [search(excluded)], request);
  return { ...settledPage, exact: true };
}

function holdsCheckedFields(plan: StepPlan, request: PageRequest): boolean {
  return plan.positiveChecks.every((check) => listCheckedFields(check).every((field) => request.attributesToRetrieve.includes(field)));
}

/**
 * The first page (of `size` hits, 0 for counts alone) with every hit checked against the terms
 * still unsettled. When some hit lacks a term, a wider window of first hits is fetched without it
 * and checked whole; the engine's order is kept, so its first `size` good hits are the exact
 * result's first page. The total then leaves out every decoy seen; `exact` when the window held
 * every candidate left. Windows count no facets (half of a search's work for the engine): the
 * answer's counts are the page's less every decoy judged, an upper bound until a window holds
 * every candidate and exact then (asked of the engine when the values cannot be taken off with
 * certainty, decoy-facets.ts). A count whose candidates fit the first window is settled from it;
 * a larger one stays an upper bound. Null when no window finds a full page: the caller lists the
 * candidates instead.
 */
async function checkPageHits<Hit extends RecordAny>(
  page: ResultPage<Hit>,
  terms: readonly CheckTerm[],
  { hitsPerPage: size, facets }: Pick<PageRequest, "hitsPerPage" | "facets">,
  pageHoldsFields: boolean,
  refetch: (rejected: ReadonlySet<string>, window: number, counted: boolean) => Promise<ResultPage<Hit>>,
): Promise<{ page: ResultPage<Hit>; exact: boolean; every: Hit[] | null } | null> {
  const rejected = new Set<string>();
  // Every hit judged, by id: each window leaves out only decoys judged before it, so a window that
  // reaches the last candidate makes these every candidate of the search.
  const judged = new Map<string, Hit>();
  const judge = (hits: readonly Hit[]) => {
    const before = rejected.size;
    for (const hit of hits) judged.set(String(hit.id), hit);
    for (const term of terms) for (const id of findRejected(term, hits as unknown as StoredText[])) rejected.add(id);
    return rejected.size - before;
  };
  if (size > 0 && pageHoldsFields) {
    if (judge(page.hits) === 0) return { page, exact: page.hits.length >= page.totalHits, every: null };
  } else if (size === 0 && page.totalHits > (CHECK_WINDOWS[0] ?? 0)) {
    return { page, exact: false, every: null };
  }
  for (const window of CHECK_WINDOWS) {
    const wide = await refetch(rejected, Math.max(window, size), false);
    const decoys = judge(wide.hits);
    const good = wide.hits.filter((hit) => !rejected.has(String(hit.id)));
    const holdsRest = wide.hits.length >= wide.totalHits;
    if (!holdsRest && good.length < size) continue;
    const counts = subtractDocuments(page.facetDistribution, [...rejected].map((id) => judged.get(id)!), facets);
    const totalHits = wide.totalHits - decoys;
    const first = { ...wide, hits: good.slice(0, size), totalHits, totalPages: Math.ceil(totalHits / Math.max(1, size)), page: 1 };
    if (!holdsRest) return { page: { ...first, facetDistribution: counts ?? page.facetDistribution }, exact: false, every: null };
    // Every candidate left has been judged: the window without its decoys is the exact result.
    return { page: counts ? { ...first, facetDistribution: counts } : await refetch(rejected, size, true), exact: true, every: [...judged.values()] };
  }
  return null;
}

function toExclusion(ids: ReadonlySet<string>): string | null {
  const [first, ...rest] = ids;
  return first === undefined ? null : `NOT ${buildIdInCondition([first, ...rest])}`;
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
  const exclusions = await Promise.all(plans.map((plan) => buildExclusion(target, version, plan, baseFilter)));
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
async function buildExclusion(target: QueryTarget, version: string, plan: StepPlan, baseFilter: string | null): Promise<string | null> {
  if (plan.positiveChecks.length === 0 && plan.negativeChecks.length === 0) return null;
  // Positive terms need verdicts only for what the step and the filter let through (term-verifier.ts).
  const within = plan.narrows || baseFilter !== null ? { ...plan.candidateQuery, filter: baseFilter } : null;
  const [positives, negatives] = await Promise.all([
    Promise.all(plan.positiveChecks.map((check) => verifyTerm(target, version, check, within))),
    Promise.all(plan.negativeChecks.map((check) => verifyTerm(target, version, check))),
  ]);
  const excluded = new Set<string>();
  for (const verdicts of positives) for (const id of verdicts.rejected) excluded.add(id);
  for (const verdicts of negatives) for (const id of verdicts.containing) excluded.add(id);
  return toExclusion(excluded);
}

function toIdCondition(ids: readonly string[] | null): string | null {
  return ids === null ? null : buildIdInCondition(ids as [string, ...string[]]);
}

function withFilter(search: EngineSearch, filter: string | null): EngineSearch {
  const { filter: _previous, ...rest } = search;
  return filter === null ? rest : { ...rest, filter };
}

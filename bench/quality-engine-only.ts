import { toCodedPhrase } from "@/lib/search/coded-chars";
import { CODED_LOCALES, searchIds, type QueryTarget } from "@/lib/search/engine-search";
import { joinAllOf } from "@/lib/search/filter";
import type { CompiledQuery } from "@/lib/search/query/compile-query";

/**
 * What the index answers with Meilisearch's phrase matching alone, no
 * verification: every step's terms as coded phrases (negated ones as the
 * engine's own `-`), steps intersected, branches united. The bench reports it
 * next to ours to show what verification removes.
 */
export async function findByEngineOnly(target: QueryTarget, compiled: CompiledQuery | null, filter: string | null): Promise<Set<string>> {
  if (!compiled) return new Set(await searchIds(target, filter === null ? { q: "" } : { q: "", filter }));
  const found = new Set<string>();
  for (const branch of compiled.branches) {
    let branchIds: Set<string> | undefined;
    for (const step of branch.steps) {
      const q = step.terms
        .map((term) => `${term.negated ? "-" : ""}${toCodedPhrase(term.matchTerm)}`)
        .join(" ");
      const stepFilter = joinAllOf([filter, branch.filter]);
      const ids: string[] = await searchIds(target, {
        q,
        attributesToSearchOn: [...step.attributesToSearchOn],
        matchingStrategy: "all",
        locales: CODED_LOCALES,
        ...(stepFilter === null ? {} : { filter: stepFilter }),
      });
      const previous = branchIds;
      branchIds = new Set(previous ? ids.filter((id) => previous.has(id)) : ids);
    }
    for (const id of branchIds ?? []) found.add(id);
  }
  return found;
}

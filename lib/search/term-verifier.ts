import type { Author } from "@/lib/article/types";
import { fetchDocuments, readIndexVersion, type QueryTarget } from "./engine-search";
import { matchTextsContain, toMatchText, toMatchTexts, type MatchSource, type MatchSourceField } from "./exact-match";

/**
 * Decides, for candidate documents the engine returned, whether they really
 * contain a term: the stored text is read and compared with the definition in
 * exact-match.ts. Verdicts are remembered per index version, term and fields,
 * so paging, re-sorting or narrowing by a facet does not read a document twice.
 */

export type CheckTerm = {
  matchTerm: string;
  /** The stored fields the term may occur in (headline fields for title:, all otherwise). */
  fields: readonly MatchSourceField[];
};

export type VerifyRequest = { term: CheckTerm; ids: readonly string[] };

type StoredText = {
  id: string;
  title?: string;
  kicker?: string | null;
  subtitle?: string | null;
  body?: string;
  bylines?: Author[];
};

/** Stored field each source field is read from; author names come from the displayed bylines. */
const STORED_FIELD: Readonly<Record<MatchSourceField, keyof StoredText>> = {
  title: "title",
  kicker: "kicker",
  subtitle: "subtitle",
  body: "body",
  authors: "bylines",
};

/** Upper bound on remembered verdicts; the oldest terms are forgotten first. */
const MAX_REMEMBERED_VERDICTS = 2_000_000;
const memo = new Map<string, Map<string, boolean>>();
let rememberedVerdicts = 0;

/** For each request, the ids among its `ids` whose document contains its term. */
export async function findContaining(target: QueryTarget, requests: readonly VerifyRequest[]): Promise<Set<string>[]> {
  if (requests.every((request) => request.ids.length === 0)) return requests.map(() => new Set());
  const version = await readIndexVersion(target);
  const verdicts = requests.map((request) => verdictsFor(version, request.term));
  const unknown = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const known = verdicts[index];
    for (const id of request.ids) {
      if (known?.has(id)) continue;
      const waiting = unknown.get(id);
      if (waiting) waiting.push(index);
      else unknown.set(id, [index]);
    }
  });

  if (unknown.size > 0) {
    const fields = [...new Set(["id", ...requests.flatMap((request) => request.term.fields.map((field) => STORED_FIELD[field]))])];
    const documents = await fetchDocuments<StoredText>(target, [...unknown.keys()], fields);
    const byId = new Map(documents.map((document) => [document.id, document]));
    for (const [id, indexes] of unknown) {
      const document = byId.get(id);
      for (const index of new Set(indexes)) {
        const request = requests[index];
        // A document deleted since the candidates were listed contains nothing.
        const contains = document !== undefined && request !== undefined && documentContains(document, request.term);
        verdicts[index]?.set(id, contains);
        rememberedVerdicts++;
      }
    }
    forgetOldVerdicts();
  }
  return requests.map((request, index) => new Set(request.ids.filter((id) => verdicts[index]?.get(id) === true)));
}

function verdictsFor(version: string, term: CheckTerm): Map<string, boolean> {
  const key = `${version}|${term.fields.join(",")}|${term.matchTerm}`;
  const existing = memo.get(key);
  if (existing) {
    // Re-insert: Map order is the eviction order.
    memo.delete(key);
    memo.set(key, existing);
    return existing;
  }
  const created = new Map<string, boolean>();
  memo.set(key, created);
  return created;
}

function forgetOldVerdicts(): void {
  for (const [key, verdicts] of memo) {
    if (rememberedVerdicts <= MAX_REMEMBERED_VERDICTS) return;
    memo.delete(key);
    rememberedVerdicts -= verdicts.size;
  }
}

function toMatchSource(document: StoredText): MatchSource {
  return {
    title: document.title ?? "",
    kicker: document.kicker ?? null,
    subtitle: document.subtitle ?? null,
    body: document.body ?? "",
    authors: (document.bylines ?? []).map((author) => author.name),
  };
}

function documentContains(document: StoredText, term: CheckTerm): boolean {
  const source = toMatchSource(document);
  // Fast path: a term our normalisation leaves unchanged, found verbatim in a raw field,
  // is also found after normalisation (which maps code point by code point).
  if (toMatchText(term.matchTerm) === term.matchTerm) {
    const rawHit = term.fields.some((field) =>
      field === "authors" ? source.authors.some((name) => name.includes(term.matchTerm)) : (source[field] ?? "").includes(term.matchTerm),
    );
    if (rawHit) return true;
  }
  return matchTextsContain(toMatchTexts(source, term.fields), term.matchTerm);
}

/** For tests: start from an empty memory. */
export function forgetAllVerdicts(): void {
  memo.clear();
  rememberedVerdicts = 0;
}

import type { Article } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { MATCH_SOURCE_FIELDS, matchTextsNear, toMatchTerm, toMatchTexts, type MatchScope, type MatchSource } from "@/lib/search/exact-match";
import { parseQuery, type Term } from "@/lib/search/query/parse-query";
import type { BenchQuery } from "./quality-queries";

/**
 * Ground truth by brute force: every document's match texts (the shared
 * definition in lib/search/exact-match.ts) are concatenated per scope, and
 * each term is found with indexOf over the whole corpus. The query language is
 * evaluated on sets: clauses AND, alternatives OR, `-` complements, author:
 * compares names like Meilisearch's filter (case-insensitively). `A NEAR/n B` scans the
 * documents holding both terms with the same definition (matchTextsNear).
 */

export type GroundTruth = { evaluate: (query: BenchQuery) => Set<string> };

type Haystack = { text: string; starts: number[] };

const FIELD_SEPARATOR = "\n";

export function toMatchSource(article: Article): MatchSource {
  return {
    title: article.title,
    kicker: article.kicker,
    subtitle: article.subtitle,
    body: blocksToPlainText(article.blocks),
    authors: [...new Set(article.authors.map((author) => author.name))],
  };
}

export function buildGroundTruth(articles: readonly Article[]): GroundTruth {
  const anyTexts = articles.map((article) => toMatchTexts(toMatchSource(article), "any"));
  // A scope's texts are picked from the "any" scope's, which lists every field.
  const scopeTexts = (texts: readonly string[], scope: MatchScope): string[] =>
    MATCH_SOURCE_FIELDS[scope].map((field) => texts[(MATCH_SOURCE_FIELDS.any as readonly string[]).indexOf(field)] ?? "");
  const haystacks: Record<MatchScope, Haystack> = {
    any: buildHaystack(anyTexts),
    title: buildHaystack(anyTexts.map((texts) => scopeTexts(texts, "title"))),
    body: buildHaystack(anyTexts.map((texts) => scopeTexts(texts, "body"))),
  };
  const authorNames = articles.map((article) => new Set(article.authors.map((author) => author.name.toLowerCase())));
  const termCache = new Map<string, Uint8Array>();
  const size = articles.length;

  const findTerm = (matchTerm: string, scope: MatchScope): Uint8Array => {
    const key = `${scope}|${matchTerm}`;
    const cached = termCache.get(key);
    if (cached) return cached;
    const found = new Uint8Array(size);
    const { text, starts } = haystacks[scope];
    for (let at = text.indexOf(matchTerm); at !== -1; ) {
      const doc = findDoc(starts, at);
      found[doc] = 1;
      const next = starts[doc + 1] ?? text.length;
      at = text.indexOf(matchTerm, next);
    }
    termCache.set(key, found);
    return found;
  };

  const termSet = (term: Term): Uint8Array | null => {
    if (term.field === "author") {
      const name = term.text.toLowerCase();
      return Uint8Array.from(authorNames, (names) => (names.has(name) ? 1 : 0));
    }
    const scope: MatchScope = term.field === "title" || term.field === "body" ? term.field : "any";
    const second = term.near ? toMatchTerm(term.near.text) : "";
    const matchTerm = toMatchTerm(term.text) || second;
    if (matchTerm === "") return null;
    if (!term.near || second === "" || second === matchTerm) return findTerm(matchTerm, scope);
    const [withFirst, withSecond, distance] = [findTerm(matchTerm, scope), findTerm(second, scope), term.near.distance];
    return Uint8Array.from(anyTexts, (texts, i) => {
      if (withFirst[i] !== 1 || withSecond[i] !== 1) return 0;
      return matchTextsNear(scopeTexts(texts, scope), matchTerm, second, distance) ? 1 : 0;
    });
  };

  return {
    evaluate(query) {
      const parsed = parseQuery(query.q);
      if (!parsed.ok) throw new Error(`bench query does not parse: ${query.q}: ${parsed.error.message}`);
      const result = new Uint8Array(size).fill(1);
      for (const clause of parsed.query.clauses) {
        const clauseSet = new Uint8Array(size);
        let meaningful = false;
        for (const term of clause.anyOf) {
          const set = termSet(term);
          if (!set) continue;
          meaningful = true;
          for (let i = 0; i < size; i++) if ((set[i] === 1) !== term.negated) clauseSet[i] = 1;
        }
        if (!meaningful) continue;
        for (let i = 0; i < size; i++) if (clauseSet[i] === 0) result[i] = 0;
      }
      const ids = new Set<string>();
      const sources = query.sources ? new Set(query.sources) : null;
      articles.forEach((article, i) => {
        if (result[i] === 1 && (!sources || sources.has(article.source))) ids.add(article.id);
      });
      return ids;
    },
  };
}

function buildHaystack(textsPerDoc: readonly string[][]): Haystack {
  const parts: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const texts of textsPerDoc) {
    starts.push(offset);
    // Fields and documents are separated by a paragraph break, which no term contains.
    const joined = texts.join(FIELD_SEPARATOR) + FIELD_SEPARATOR;
    parts.push(joined);
    offset += joined.length;
  }
  return { text: parts.join(""), starts };
}

function findDoc(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

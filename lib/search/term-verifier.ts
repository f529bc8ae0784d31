import type { IndexDocument } from "./documents";
import { toCodedPhrase } from "./coded-chars";
import { CODED_LOCALES, listDownInVersion, type QueryTarget } from "./engine-search";
import { matchTextsContain, matchTextsNear, readSourceField, toMatchText, toMatchTexts, type MatchSource, type MatchSourceField } from "./exact-match";
import { containsByPattern } from "./match-pattern";
import { toSearchOnCharFields, type CharField } from "./index-schema";
import { searchEngine } from "./archive-search";
import { AS_BYTE_STRINGS, fromByteString, toByteString } from "./engine/keep-alive-transport";
import { findBackgroundWork, hurryBackgroundWork, type BackgroundWork } from "./engine/reader-turns";
import { getVerdictStore } from "./verdict-store";

/**
 * Settles, once per index version, which of the engine's candidates for a term
 * really contain it: every candidate's stored text is read and compared with
 * the definition in exact-match.ts. The outcome holds for any later query with
 * that term (other terms and filters only narrow the candidates), so paging,
 * sorting and facet clicks cost nothing more.
 *
 * Listing candidates is the cost: Meilisearch reads the whole stored document
 * per hit, about 45 µs even for `attributesToRetrieve: ["id"]` and 70–90 µs
 * with the text of a long article; a term with 10,000 candidates takes about a
 * second the first time.
 */

export type CheckTerm = {
  matchTerm: string;
  /** The stored fields the term may occur in (headline fields for title:, all otherwise). */
  fields: readonly MatchSourceField[];
  /** `matchTerm NEAR/distance near.matchTerm`: both within `distance` characters in one paragraph. */
  near?: { matchTerm: string; distance: number };
};

/**
 * The search whose candidates need verdicts, when narrower than the term alone: the query's
 * other terms and its filter. Only its candidates are read, so the first search of a common
 * term with a rare one, or within a year or a paper, costs what its own results cost, not what
 * every article with the term would. Verdicts for the term alone, when already known, serve too.
 */
export type CandidateSearch = { q: string; filter: string | null; attributesToSearchOn: readonly string[] };

export type TermVerdicts = {
  /** Candidates the engine returns that do not contain the term (usually few). */
  rejected: ReadonlySet<string>;
  /** Documents that do contain it. */
  containing: readonly string[];
};

/** The stored text a candidate is checked against; only the fields of the term's places are asked for. */
export type StoredText = Pick<IndexDocument, "id"> & Partial<Pick<IndexDocument, "title" | "kicker" | "subtitle" | "body" | "bylines">>;
/** A listed candidate: its strings are byte strings (keep-alive-transport.ts's toByteString), not text. */
type ListedText = StoredText;

/** Where each source field is stored (author names come from the displayed bylines) and indexed. */
const FIELD_PLACES: Readonly<Record<MatchSourceField, { stored: keyof StoredText; indexed: CharField }>> = {
  title: { stored: "title", indexed: "titleChars" },
  kicker: { stored: "kicker", indexed: "kickerChars" },
  subtitle: { stored: "subtitle", indexed: "subtitleChars" },
  body: { stored: "body", indexed: "bodyChars" },
  authors: { stored: "bylines", indexed: "authorsChars" },
};

/** How a listing pages: a reader waiting takes big pages side by side; work after the answer takes its turn. */
export type ListingPace = "waited" | "background";
export const LISTING_PACES: Readonly<Record<ListingPace, { pageSize: number; inFlight: number }>> = {
  waited: { pageSize: 1000, inFlight: 4 },
  background: { pageSize: 100, inFlight: 1 },
};
/** Ids remembered over all terms (about 50 MB); the least recently used terms are forgotten first. */
const MAX_REMEMBERED_IDS = 1_000_000;
/** `background`: the listing after an answer that computes them, until it ends (reader-turns.ts). */
type Remembered = { verdicts: Promise<TermVerdicts>; ids: number; background?: BackgroundWork };
const remembered = new Map<string, Remembered>();
let rememberedIds = 0;

/** Verdicts for a term in the index as it is at `version` (see readIndexVersion). */
export function verifyTerm(
  target: QueryTarget,
  version: string,
  term: CheckTerm,
  within: CandidateSearch | null = null,
  pace: ListingPace = "waited",
): Promise<TermVerdicts> {
  const key = toVerdictKey(version, term, within);
  const known = recallVerdicts(key.key);
  if (known) return known;
  return remember(key.key, readOrComputeVerdicts(key.key, target, version, term, key.within, pace));
}

/**
 * Verdicts already settled for the term (by this process, or by another through the shared
 * store), without asking the engine; null when none are. A query that holds every candidate
 * already (a result page as long as its total) can then settle them itself (fileVerdicts).
 */
export function findKnownVerdicts(version: string, term: CheckTerm, within: CandidateSearch | null = null): Promise<TermVerdicts> | null {
  const { key } = toVerdictKey(version, term, within);
  const known = recallVerdicts(key);
  if (known) return known;
  // The term's own verdicts serve a narrower search too; another process may have filed them.
  const keys = within ? [key, toVerdictKey(version, term, null).key] : [key];
  for (const candidate of keys) {
    const stored = readStoredVerdicts(candidate);
    if (stored) return remember(candidate, Promise.resolve(stored));
  }
  return null;
}

/**
 * Settles the term on documents the caller already read, which must be EVERY candidate of
 * `within` (or of the term alone when null) with the term's stored fields, and files the
 * verdicts as verifyTerm would have: the first page of a rare term's results usually holds all
 * of its candidates, and listing them again would double the first search's cost.
 */
export function fileVerdicts(version: string, term: CheckTerm, within: CandidateSearch | null, candidates: readonly StoredText[]): TermVerdicts {
  // Filed under exactly the search the candidates came from, even if the term's own verdicts arrived meanwhile.
  const key = toVerdictKey(version, term, within, { exact: true }).key;
  const verdicts = judgeCandidates(term, candidates);
  storeVerdicts(key, verdicts);
  void remember(key, Promise.resolve(verdicts));
  return verdicts;
}

/**
 * Which of `documents` (read with the term's stored fields) do not contain the term, filing nothing:
 * a result page checked hit by hit while its term is verified in the background (settle-later.ts).
 */
export function findRejected(term: CheckTerm, documents: readonly StoredText[]): ReadonlySet<string> {
  return judgeCandidates(term, documents).rejected;
}

/** The fields a document must carry for the term to be judged on it. */
export function listCheckedFields(term: CheckTerm): string[] {
  return term.fields.map((field) => FIELD_PLACES[field].stored);
}

/** A term's own verdicts, once known, serve any narrower search: then `within` is dropped. */
function toVerdictKey(version: string, term: CheckTerm, within: CandidateSearch | null, { exact = false } = {}): { key: string; within: CandidateSearch | null } {
  const termKey = `${version}|${term.fields.join(",")}|${describeTerm(term)}`;
  if (!within || (!exact && remembered.has(termKey))) return { key: termKey, within: null };
  return { key: `${termKey}|within|${within.q}|${within.filter ?? ""}|${within.attributesToSearchOn.join(",")}`, within };
}

/** A NEAR pair is the same question either way round (matchTextsNear is symmetric): one key for both. */
function describeTerm(term: CheckTerm): string {
  if (!term.near) return term.matchTerm;
  const [first, second] = [term.matchTerm, term.near.matchTerm].sort();
  return `${first}|near/${term.near.distance}|${second}`;
}

function recallVerdicts(key: string): Promise<TermVerdicts> | null {
  const known = remembered.get(key);
  if (!known) return null;
  // A reader asking for verdicts still being listed in the background now waits on that listing.
  if (known.background && !findBackgroundWork()) hurryBackgroundWork(known.background);
  remembered.delete(key);
  remembered.set(key, known);
  return known.verdicts;
}

function remember(key: string, verdicts: Promise<TermVerdicts>): Promise<TermVerdicts> {
  const entry: Remembered = { verdicts, ids: 0, background: findBackgroundWork() };
  remembered.set(key, entry);
  entry.verdicts.then(
    (settled) => {
      delete entry.background;
      if (remembered.get(key) !== entry) return;
      entry.ids = settled.rejected.size + settled.containing.length;
      rememberedIds += entry.ids;
      forgetLeastRecent();
    },
    // A failed look-up (engine down) must not be remembered.
    () => {
      if (remembered.get(key) === entry) remembered.delete(key);
    },
  );
  return entry.verdicts;
}

/** For tests: this process forgets the verdicts it holds in memory (the shared store keeps its own). */
export function forgetRememberedVerdicts(): void {
  remembered.clear();
  rememberedIds = 0;
}

function forgetLeastRecent(): void {
  for (const [key, entry] of remembered) {
    if (rememberedIds <= MAX_REMEMBERED_IDS) return;
    remembered.delete(key);
    rememberedIds -= entry.ids;
  }
}

/** Verdicts another process (or this one's other copy of lib/search) already stored, else computed and stored. */
async function readOrComputeVerdicts(
  key: string,
  target: QueryTarget,
  version: string,
  term: CheckTerm,
  within: CandidateSearch | null,
  pace: ListingPace,
): Promise<TermVerdicts> {
  const stored = readStoredVerdicts(key);
  if (stored) return stored;
  const verdicts = await computeVerdicts(target, version, term, within, pace);
  storeVerdicts(key, verdicts);
  return verdicts;
}

function readStoredVerdicts(key: string): TermVerdicts | null {
  const stored = getVerdictStore().read(key);
  return stored && { rejected: new Set(stored.rejected), containing: stored.containing };
}

function storeVerdicts(key: string, verdicts: TermVerdicts): void {
  getVerdictStore().write(key, { rejected: [...verdicts.rejected], containing: verdicts.containing });
}

async function computeVerdicts(target: QueryTarget, version: string, term: CheckTerm, within: CandidateSearch | null, pace: ListingPace): Promise<TermVerdicts> {
  const rejected = new Set<string>();
  const containing: string[] = [];
  for await (const listed of listCandidates(target, version, term, within, pace)) {
    const judged = judgeListed(term, listed);
    containing.push(...judged.containing);
    for (const id of judged.rejected) rejected.add(id);
  }
  return { rejected, containing };
}

/**
 * Listed candidates come as byte strings (listEngineCandidates): one holding the term's own bytes
 * in a field it may occur in holds the term (when the term is its own matching form), and only the
 * others are decoded into text and judged in full.
 */
function judgeListed(term: CheckTerm, listed: readonly ListedText[]): { rejected: Set<string>; containing: string[] } {
  const needle = !term.near && toMatchText(term.matchTerm) === term.matchTerm ? toByteString(term.matchTerm) : null;
  const containing: string[] = [];
  const undecided: StoredText[] = [];
  for (const document of listed) {
    if (needle !== null && holdsVerbatim(toMatchSource(document), term.fields, needle)) containing.push(fromByteString(document.id));
    else undecided.push(decodeByteStrings(document));
  }
  const judged = judgeCandidates(term, undecided);
  return { rejected: judged.rejected, containing: [...containing, ...judged.containing] };
}

/** Every string in a listed value, decoded from its byte string. */
function decodeByteStrings<T>(value: T): T {
  if (typeof value === "string") return fromByteString(value) as T;
  if (Array.isArray(value)) return value.map(decodeByteStrings) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeByteStrings(item)])) as T;
  return value;
}

function judgeCandidates(term: CheckTerm, documents: readonly StoredText[]): { rejected: Set<string>; containing: string[] } {
  const rejected = new Set<string>();
  const containing: string[] = [];
  const verbatim = toMatchText(term.matchTerm) === term.matchTerm;
  for (const document of documents) {
    if (documentContains(document, term, verbatim)) containing.push(document.id);
    else rejected.add(document.id);
  }
  return { rejected, containing };
}

/**
 * The engine's candidates for the term alone, with the text to check as byte strings, page by page; on a
 * sharded archive each engine's, asked directly (their order does not matter here). Exactly
 * the engines the version records as down are left out: verdicts are remembered by version,
 * so any other engine that fails must fail the look-up, not shorten it.
 */
async function* listCandidates(target: QueryTarget, version: string, term: CheckTerm, within: CandidateSearch | null, pace: ListingPace): AsyncGenerator<ListedText[]> {
  const down = listDownInVersion(version);
  const parts = target.shards
    ? target.shards.filter((shard) => !down.has(shard.name)).map((shard) => ({ client: shard.client, indexUid: target.indexUid }))
    : [target];
  for (const part of parts) yield* listEngineCandidates(part, term, within, LISTING_PACES[pace]);
}

async function* listEngineCandidates(
  target: QueryTarget,
  term: CheckTerm,
  within: CandidateSearch | null,
  { pageSize, inFlight }: { pageSize: number; inFlight: number },
): AsyncGenerator<ListedText[]> {
  const search = {
    q: within?.q ?? (term.near ? `${toCodedPhrase(term.matchTerm)} ${toCodedPhrase(term.near.matchTerm)}` : toCodedPhrase(term.matchTerm)),
    attributesToSearchOn: within ? [...within.attributesToSearchOn] : toSearchOnCharFields(term.fields.map((field) => FIELD_PLACES[field].indexed)),
    ...(within?.filter ? { filter: within.filter } : {}),
    matchingStrategy: "all" as const,
    locales: CODED_LOCALES,
    attributesToRetrieve: ["id", ...listCheckedFields(term)],
  };
  const fetchPage = (offset: number) => searchEngine<ListedText>(target, { ...search, offset, limit: pageSize }, AS_BYTE_STRINGS as RequestInit);
  const first = await fetchPage(0);
  yield first.hits;
  if (first.hits.length < pageSize) return;
  // The estimate only sizes the parallel batches; paging stops at the first short page.
  const batch = Math.max(1, Math.min(inFlight, Math.ceil((first.total - pageSize) / pageSize)));
  for (let offset = pageSize; ; offset += pageSize * batch) {
    const pages = await Promise.all(Array.from({ length: batch }, (_, i) => fetchPage(offset + i * pageSize)));
    for (const page of pages) yield page.hits;
    if (pages.some((page) => page.hits.length < pageSize)) return;
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

/**
 * `verbatim`: the term is its own normalised form (computed once per term), so a
 * raw hit is also a hit after normalisation, which maps code point by code point.
 */
function documentContains(document: StoredText, term: CheckTerm, verbatim: boolean): boolean {
  const source = toMatchSource(document);
  if (term.near) return matchTextsNear(toMatchTexts(source, term.fields), term.matchTerm, term.near.matchTerm, term.near.distance);
  if (verbatim && holdsVerbatim(source, term.fields, term.matchTerm)) return true;
  return findByPattern(source, term) ?? matchTextsContain(toMatchTexts(source, term.fields), term.matchTerm);
}

/** The raw text of one of `fields` holds `needle` as it is (text or byte strings alike). */
function holdsVerbatim(source: MatchSource, fields: readonly MatchSourceField[], needle: string): boolean {
  return fields.some((field) => (field === "authors" ? source.authors.some((name) => name.includes(needle)) : (source[field] ?? "").includes(needle)));
}

/**
 * The same answer read by patterns on the stored text (match-pattern.ts), without a normalised copy
 * of every field: most candidates without the term verbatim are false positives, and normalising
 * their whole text was most of the verifier's own time. Undefined when a field needs that copy.
 */
function findByPattern(source: MatchSource, term: CheckTerm): boolean | undefined {
  for (const field of term.fields) {
    const found = containsByPattern(readSourceField(source, field), term.matchTerm);
    if (found !== false) return found;
  }
  return false;
}

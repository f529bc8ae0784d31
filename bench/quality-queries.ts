import { Converter } from "opencc-js";
import type { Article } from "@/lib/article/types";
import { blocksToPlainText } from "@/lib/article/types";
import { cutWords } from "@/lib/segment/jieba";
import { createRandom, pickInt, pickOne, sampleWithout, type Random } from "./quality-random";

/**
 * Bench queries, built from the corpus itself so that every one has real
 * matches, deterministically from the seed. Categories follow what readers
 * type and where substring search is hard: plain substrings, pieces inside
 * longer jieba words, runs of very common characters (where pair-based phrase
 * matching finds false positives), byline names, numbers with units, Latin
 * mixed tokens, Traditional spellings, and the query language's operators
 * (proximity included).
 */

export type BenchQuery = {
  category: string;
  q: string;
  /** Facet filter on `source`, to exercise filtered execution. */
  sources?: string[];
};

const toTraditional = Converter({ from: "cn", to: "t" });
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;
const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;
const NUMBER_WITH_UNIT =
  /\d+(?:[.,]\d+)*(?:%|％|‰|亿元|万元|亿|万|元|户|人|家|个|项|次|名|吨|公里|千米|平方米|米|岁|倍|度|年|月|日)/gu;
const LATIN_MIXED = /[A-Za-z]+\d+(?:\.\d+)?|\d+[A-Za-z]+\p{Script=Han}{0,2}|[A-Z]{2,}(?:-\d+)?/gu;

type Doc = { article: Article; paragraphs: string[] };

export function buildQueries(articles: readonly Article[], seed: number): BenchQuery[] {
  const random = createRandom(seed);
  const docs: Doc[] = articles.map((article) => ({
    article,
    paragraphs: blocksToPlainText(article.blocks).split("\n").filter((paragraph) => paragraph.trim() !== ""),
  }));
  const withText = docs.filter((doc) => doc.paragraphs.length > 0);
  const rmrb = withText.filter((doc) => doc.article.source === "人民日报");
  const others = withText.filter((doc) => doc.article.source !== "人民日报");
  const pickDoc = () => (random() < 0.5 && rmrb.length > 0 ? pickOne(random, rmrb) : pickOne(random, others.length > 0 ? others : rmrb));

  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  const add = (category: string, q: string | null, sources?: string[]) => {
    if (!q) return;
    const key = `${q}|${sources?.join(",") ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    queries.push(sources ? { category, q, sources } : { category, q });
  };
  const repeat = (count: number, make: () => void) => {
    for (let attempt = 0, before = queries.length; queries.length - before < count && attempt < count * 50; attempt++) make();
  };

  repeat(100, () => add("substring", randomSubstring(random, pickDoc(), pickInt(random, 2, 6))));
  repeat(50, () => add("inside-word", substringInsideWord(random, pickDoc())));
  const common = commonCharacters(rmrb.length > 0 ? rmrb : withText, 300);
  repeat(40, () => add("common-chars", commonRun(random, pickOne(random, rmrb.length > 0 ? rmrb : withText), common)));
  const names = [...new Set(docs.flatMap((doc) => doc.article.authors.map((author) => author.name)))].sort();
  for (const name of sampleWithout(random, names, 40)) add("author-name", name);
  repeat(40, () => add("number-unit", matchInDoc(random, pickDoc(), NUMBER_WITH_UNIT)));
  repeat(30, () => add("latin-mixed", matchInDoc(random, pickOne(random, withText), LATIN_MIXED)));

  const simplified = queries.filter((query) => ["substring", "inside-word", "author-name"].includes(query.category));
  let traditional = 0;
  for (const query of sampleWithout(random, simplified, simplified.length)) {
    if (traditional >= 40) break;
    const converted = toTraditional(query.q);
    if (converted === query.q) continue;
    add("traditional", converted);
    traditional++;
  }

  repeat(30, () => {
    const doc = pickDoc();
    add("two-terms", joinTerms([randomSubstring(random, doc, pickInt(random, 2, 4)), randomSubstring(random, doc, pickInt(random, 2, 4))]));
  });
  repeat(10, () => add("or", joinTerms([randomSubstring(random, pickDoc(), 2), randomSubstring(random, pickDoc(), 3)], " OR ")));
  repeat(10, () => {
    const doc = pickDoc();
    const exclude = randomSubstring(random, doc, pickInt(random, 2, 4));
    add("exclude", joinTerms([randomSubstring(random, doc, 2), exclude ? `-${exclude}` : null]));
  });
  repeat(15, () => add("title", prefixed("title:", titleSubstring(random, pickDoc()))));
  repeat(15, () => add("body", prefixed("正文:", randomSubstring(random, pickDoc(), pickInt(random, 1, 4)))));
  repeat(10, () => {
    const doc = pickOne(random, withText.filter((candidate) => candidate.article.authors.length > 0));
    const name = doc ? pickOne(random, doc.article.authors)?.name : undefined;
    add("author-filter", joinTerms([name ? `author:${name}` : null, randomSubstring(random, doc, 2)]));
  });
  repeat(5, () => {
    const doc = pickOne(random, rmrb.length > 0 ? rmrb : withText);
    add("eleven-terms", joinTerms(Array.from({ length: pickInt(random, 11, 13) }, () => randomSubstring(random, doc, pickInt(random, 2, 3)))));
  });
  repeat(25, () => add("near", nearQuery(random, pickDoc())));
  repeat(15, () => add("filtered", randomSubstring(random, pickDoc(), pickInt(random, 2, 4)), ["人民日报"]));
  return queries;
}

/**
 * `A NEAR/n B` from two pieces of one paragraph a few characters apart, in either order, with
 * n drawn around their real distance so that about half the queries sit just inside the limit and
 * half just outside (where the engine's phrase match alone would say yes).
 */
function nearQuery(random: Random, doc: Doc | undefined): string | null {
  const paragraph = doc ? pickOne(random, doc.paragraphs) : undefined;
  if (!paragraph) return null;
  const chars = [...paragraph];
  const [firstLength, secondLength, gap] = [pickInt(random, 2, 3), pickInt(random, 2, 3), pickInt(random, 0, 8)];
  if (chars.length < firstLength + gap + secondLength) return null;
  const start = pickInt(random, 0, chars.length - (firstLength + gap + secondLength));
  const first = chars.slice(start, start + firstLength).join("");
  const second = chars.slice(start + firstLength + gap, start + firstLength + gap + secondLength).join("");
  if (![first, second].every((piece) => WORD_CHARS.test(piece) && HAN.test(piece))) return null;
  const distance = Math.max(1, gap + pickInt(random, -2, 2));
  return random() < 0.5 ? `${first} NEAR/${distance} ${second}` : `${second} 近/${distance} ${first}`;
}

function joinTerms(terms: ReadonlyArray<string | null | undefined>, separator = " "): string | null {
  if (terms.some((term) => !term)) return null;
  return terms.join(separator);
}

function prefixed(prefix: string, term: string | null): string | null {
  return term ? `${prefix}${term}` : null;
}

/** A run of letters and digits (no punctuation, no spaces) of `length` code points from one paragraph. */
function randomSubstring(random: Random, doc: Doc | undefined, length: number): string | null {
  const paragraph = doc ? pickOne(random, doc.paragraphs) : undefined;
  if (!paragraph) return null;
  const chars = [...paragraph];
  if (chars.length < length) return null;
  const start = pickInt(random, 0, chars.length - length);
  const piece = chars.slice(start, start + length).join("");
  return WORD_CHARS.test(piece) && HAN.test(piece) ? piece : null;
}

/** A proper piece of a jieba word of three or more characters, e.g. 小微 from 中小微企业. */
function substringInsideWord(random: Random, doc: Doc | undefined): string | null {
  const paragraph = doc ? pickOne(random, doc.paragraphs) : undefined;
  if (!paragraph) return null;
  const words = cutWords(paragraph).filter((word) => [...word].length >= 3 && ALL_HAN.test(word));
  const word = pickOne(random, words);
  if (!word) return null;
  const chars = [...word];
  const length = pickInt(random, 2, chars.length - 1);
  const start = pickInt(random, 0, chars.length - length);
  return chars.slice(start, start + length).join("");
}

function titleSubstring(random: Random, doc: Doc | undefined): string | null {
  const chars = doc ? [...doc.article.title] : [];
  const length = pickInt(random, 2, 4);
  if (chars.length < length) return null;
  const start = pickInt(random, 0, chars.length - length);
  const piece = chars.slice(start, start + length).join("");
  return WORD_CHARS.test(piece) ? piece : null;
}

/** The `limit` most frequent Han characters of the given documents' bodies. */
function commonCharacters(docs: readonly Doc[], limit: number): Set<string> {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const paragraph of doc.paragraphs) {
      for (const char of paragraph) if (HAN.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(ranked.slice(0, limit).map(([char]) => char));
}

/** 3–5 consecutive very common characters: where pair-based phrase matching goes wrong. */
function commonRun(random: Random, doc: Doc | undefined, common: ReadonlySet<string>): string | null {
  const paragraph = doc ? pickOne(random, doc.paragraphs) : undefined;
  if (!paragraph) return null;
  const chars = [...paragraph];
  const length = pickInt(random, 3, 5);
  for (let attempt = 0; attempt < 20; attempt++) {
    const start = pickInt(random, 0, Math.max(0, chars.length - length));
    const piece = chars.slice(start, start + length);
    if (piece.length === length && piece.every((char) => common.has(char))) return piece.join("");
  }
  return null;
}

function matchInDoc(random: Random, doc: Doc | undefined, pattern: RegExp): string | null {
  if (!doc) return null;
  const matches = doc.paragraphs.flatMap((paragraph) => [...paragraph.matchAll(pattern)].map((match) => match[0]));
  return pickOne(random, matches) ?? null;
}

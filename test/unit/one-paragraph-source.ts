import type { SourceArticle } from "@/ingest/page-gen/source-article";

/** A training-month source holding one paragraph: what the counters of running text (word pairs, character triples) read in tests. */
export function toOneParagraphSource(text: string): SourceArticle {
  return {
    key: "t",
    origin: "rmrb",
    date: "2019-02-01",
    column: null,
    kicker: null,
    title: null,
    subtitle: null,
    blocks: [{ kind: "paragraph", text }],
    authors: [],
    photographers: [],
    pageCredits: [],
    dateline: null,
    kind: "article",
  };
}

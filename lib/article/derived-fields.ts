import { extractKeywords } from "@/lib/segment/jieba";
import { assignTopics } from "./topics";
import { blocksToPlainText, toSegmentText, type Article, type ParsedArticle } from "./types";

/** Keywords and topics, which follow from an article's text: computed at import and again when a correction changes the text. */
export function deriveKeywordsAndTopics(article: Pick<ParsedArticle, "kicker" | "title" | "subtitle" | "blocks" | "column">): Pick<Article, "keywords" | "topics"> {
  const body = blocksToPlainText(article.blocks);
  return {
    keywords: extractKeywords(toSegmentText(article)),
    topics: [...assignTopics({ title: article.title, kicker: article.kicker, subtitle: article.subtitle, body, column: article.column })],
  };
}

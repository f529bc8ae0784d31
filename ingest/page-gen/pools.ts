import type { Random } from "@/lib/random/seeded-random";
import { selectPool, type Corpus, type SourcePool } from "./corpus";
import { chance } from "./draw";
import { bodyBlocks, splitOpening } from "./print-body";
import { countBodyChars, type SourceArticle } from "./source-article";

/** Source pools the families draw from; each is filtered once per corpus. */

const MIN_ARTICLE_CHARS = 150;
/** Longer reports fill a page alone; they are cut short anyway (see `drawBodyBudget`), but rarely wanted. */
const MAX_ARTICLE_CHARS = 6000;

function isTextArticle(source: SourceArticle): boolean {
  const chars = countBodyChars(source);
  return source.kind === "article" && bodyBlocks(source).length > 0 && chars >= MIN_ARTICLE_CHARS && chars <= MAX_ARTICLE_CHARS;
}

const rmrbOf = (corpus: Corpus) => corpus.rmrb;
const xwlbOf = (corpus: Corpus) => corpus.xwlb;
/** Share of pages drawn from rmrb where a family takes either corpus. */
const RMRB_SHARE = 0.65;

/** rmrb reports with a printable title. */
export function rmrbArticles(corpus: Corpus): SourcePool {
  return selectPool(corpus, "rmrb-articles", rmrbOf, (source) => isTextArticle(source) && source.title !== null);
}

/** xwlb items with a printable title and enough text to read as an article. */
export function xwlbArticles(corpus: Corpus): SourcePool {
  return selectPool(corpus, "xwlb-articles", xwlbOf, (source) => source.title !== null && countBodyChars(source) >= 60);
}

/**
 * One page's pool of titled reports: rmrb's or xwlb's. The feed has fifteen times as many items,
 * so drawing from both at once would leave hardly any newspaper text on a page.
 */
export function drawArticlePool(corpus: Corpus, random: Random, rmrbShare = RMRB_SHARE): SourcePool {
  return chance(random, rmrbShare) ? rmrbArticles(corpus) : xwlbArticles(corpus);
}

/** rmrb copy from 新华社 (新华社北京2月13日电). */
export function xinhuaArticles(corpus: Corpus): SourcePool {
  return selectPool(corpus, "xinhua", rmrbOf, (source) => isTextArticle(source) && source.title !== null && (splitOpening(source).dateline?.startsWith("新华社") ?? false));
}

/** Signed prose without a dateline or reporters: 副刊 essays, commentary, letters to the paper. */
export function proseArticles(corpus: Corpus): SourcePool {
  return selectPool(corpus, "prose", rmrbOf, (source) => isTextArticle(source) && source.title !== null && source.dateline === null && !source.authors.some((author) => author.role === "记者" || author.role === "通讯员"));
}

/** Reports printed under a column tag, a kicker or a series line (rmrb's or, as for `drawArticlePool`, xwlb's). */
export function drawColumnedPool(corpus: Corpus, random: Random): SourcePool {
  const pool = drawArticlePool(corpus, random);
  return selectPool(corpus, `columned-${pool === rmrbArticles(corpus) ? "rmrb" : "xwlb"}`, () => pool.all, (source) => source.column !== null || source.kicker !== null || (source.subtitle?.startsWith("——") ?? false));
}

/** rmrb photo items: captions and a photo credit. */
export function photoItems(corpus: Corpus): SourcePool {
  return selectPool(corpus, "photos", rmrbOf, (source) => source.kind === "photo" && source.photographers.length > 0 && source.blocks.length > 0);
}

/** rmrb items that carry a page credit (版式设计：…): the credits a page prints under its last item. */
export function creditedItems(corpus: Corpus): SourcePool {
  return selectPool(corpus, "credited", rmrbOf, (source) => source.pageCredits.length > 0);
}

/** rmrb articles that carry a photo caption among their blocks. */
export function captionedArticles(corpus: Corpus): SourcePool {
  return selectPool(corpus, "captioned", rmrbOf, (source) => source.kind === "article" && source.blocks.some((block) => block.kind === "caption" && block.text.length <= 200));
}

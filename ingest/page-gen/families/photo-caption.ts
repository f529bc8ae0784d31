import { formatPageCredit, formatPhotoCredit, type Organisation, type PhotoCreditStyle } from "@/lib/byline/format";
import { drawSources } from "../corpus";
import { chance, drawInt, pickOne, pickSome, pickWeighted, shuffle } from "../draw";
import { drawArticlePool, captionedArticles, creditedItems, photoItems, rmrbArticles } from "../pools";
import { listParagraphs, type SourceArticle } from "../source-article";
import { stackItems, type FamilyBuilder, type ItemPrinter, type PageContext, type PrintedLine } from "../printed-item";
import { printBylineEndArticle } from "./byline-end";
import { printDatelineStartArticle } from "./dateline-start";

/** A caption longer than this is an article with a photo, not a photo item. */
const MAX_CAPTION_CHARS = 160;
const MAX_PHOTO_HEADLINE_CHARS = 20;

type PhotoSource = { source: SourceArticle; captions: string[]; photographers: string[]; headline: boolean };

/**
 * Photo items among articles: an optional short headline, one or two caption lines and the
 * credit (张三 摄 / 新华社记者 张三摄 / 张三 李四 摄影报道). Captions are rmrb's own photo items
 * and captions, or else a short real paragraph.
 */
export const printPhotoItem: ItemPrinter<PhotoSource> = (photo, context) => {
  const { random } = context;
  const lines: PrintedLine[] = [];
  if (photo.headline && photo.source.title) lines.push({ text: photo.source.title, label: "title" });
  for (const caption of photo.captions) lines.push({ text: caption, label: "caption" });
  const style = pickWeighted(random, [["spaced", 0.4], ["glued", 0.3], ["report", 0.3]] as const) satisfies PhotoCreditStyle;
  const organisation: Organisation = style === "report" ? null : pickWeighted(random, [[null, 0.6], ["新华社", 0.2], ["本报", 0.2]] as const);
  const credit = formatPhotoCredit(photo.photographers, style, organisation);
  lines.push({ text: credit.text, label: "credit" });
  return { kind: "photo", lines, authors: credit.authors };
};

function drawPhoto(context: PageContext): PhotoSource {
  const { corpus, random } = context;
  const kind = pickWeighted(random, [["photo", 0.6], ["caption", 0.3], ["paragraph", 0.1]] as const);
  const names = (count: number) => pickSome(random, corpus.photographerNames, count);
  if (kind === "photo") {
    const [source] = drawSources(photoItems(corpus), 1, random);
    if (source) {
      const captions = source.blocks.map((block) => block.text).filter((text) => [...text].length <= MAX_CAPTION_CHARS).slice(0, 2);
      const headline = source.title !== null && [...source.title].length <= MAX_PHOTO_HEADLINE_CHARS && chance(random, 0.4);
      if (captions.length > 0) return { source, captions, photographers: source.photographers.slice(0, 3).map((author) => author.name), headline };
    }
  }
  if (kind !== "paragraph") {
    const [source] = drawSources(captionedArticles(corpus), 1, random);
    const caption = source?.blocks.find((block) => block.kind === "caption")?.text;
    if (source && caption) {
      const own = source.photographers.map((author) => author.name);
      return { source, captions: [caption], photographers: own.length > 0 ? own.slice(0, 2) : names(drawInt(random, 1, 2)), headline: false };
    }
  }
  const [source] = drawSources(drawArticlePool(corpus, random), 1, random);
  const paragraph = source ? listParagraphs(source).find((text) => [...text].length <= MAX_CAPTION_CHARS && [...text].length >= 20) : undefined;
  if (!source || !paragraph) return drawPhoto(context);
  return { source, captions: [paragraph], photographers: names(drawInt(random, 1, 2)), headline: false };
}

export const buildPhotoCaptionPage: FamilyBuilder = (context) => {
  const { corpus, random, itemCount } = context;
  const photoCount = Math.max(1, Math.round(itemCount * (0.25 + random() * 0.35)));
  const articles = drawSources(rmrbArticles(corpus), itemCount - photoCount, random);
  const printArticle = chance(random, 0.5) ? printBylineEndArticle : printDatelineStartArticle;
  const items = shuffle(random, [...articles.map((source) => printArticle(source, context)), ...Array.from({ length: photoCount }, () => printPhotoItem(drawPhoto(context), context))]);
  const credit = [...articles, ...drawSources(creditedItems(corpus), 1, random)].flatMap((source) => source.pageCredits)[0];
  const last = items.at(-1);
  // The page's layout credit closes the page, as rmrb prints it under the last item; it names no author.
  if (credit && last && chance(random, 0.4)) last.lines.push({ text: formatPageCredit(credit.role, [credit.name], chance(random, 0.7) ? "：" : ":"), label: "credit" });
  return stackItems(items, articles[0]?.date ?? pickOne(random, corpus.rmrb).date);
};

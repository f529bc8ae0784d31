import { formatDateline } from "@/lib/byline/format";
import type { Random } from "@/lib/random/seeded-random";
import { drawSources } from "../corpus";
import { chance, pickWeighted } from "../draw";
import { xinhuaArticles, xwlbArticles } from "../pools";
import { drawBodyBudget, printBody, printHeadlines, splitOpening } from "../print-body";
import { printSources, type FamilyBuilder, type ItemPrinter } from "../printed-item";
import type { SourceArticle } from "../source-article";
import { printDatelineStartArticle } from "./dateline-start";

/** Places a 新华社 dateline names when the item's opening mentions them; otherwise 北京. */
const DATELINE_PLACES = [
  "北京", "上海", "天津", "重庆", "广州", "深圳", "武汉", "南京", "杭州", "成都", "西安", "长沙", "郑州", "济南", "沈阳",
  "长春", "哈尔滨", "石家庄", "太原", "合肥", "福州", "南昌", "南宁", "昆明", "贵阳", "兰州", "西宁", "银川", "乌鲁木齐",
  "拉萨", "呼和浩特", "海口", "香港", "澳门", "台北", "华盛顿", "纽约", "莫斯科", "伦敦", "巴黎", "柏林", "东京", "首尔",
  "新德里", "开罗", "日内瓦", "布鲁塞尔", "联合国", "堪培拉", "巴西利亚", "约翰内斯堡", "曼谷", "河内", "雅加达", "罗马",
];
const OPENING_SCAN_CHARS = 80;
const ONE_DAY_MS = 86_400_000;
/** Share of agency pages made of rmrb's 新华社 copy rather than 新闻联播 items. */
const XINHUA_PAGE_SHARE = 0.3;

/**
 * Agency copy as a page prints it: 新闻联播 items under their title (a 【column】 tag sometimes on
 * a line of its own), opening with 新华社北京4月30日电 (place and date invented to fit the item),
 * 本台消息, or nothing; and rmrb's 新华社 copy with its own dateline and bylines.
 */
export const printAgencyItem: ItemPrinter<SourceArticle> = (source, context) => {
  if (source.origin === "rmrb") return printDatelineStartArticle(source, context);
  const { random } = context;
  const { rest } = splitOpening(source);
  const form = pickWeighted(random, [["xinhua", 0.4], ["station", 0.25], ["none", 0.35]] as const);
  const opening =
    form === "xinhua"
      ? `${formatDateline("新华社", findPlace(rest), drawDatelineDate(source.date, random))}${chance(random, 0.7) ? " " : ""}${rest}`
      : form === "station"
        ? `本台消息${chance(random, 0.7) ? "，" : " "}${rest}`
        : rest;
  const headlines = printHeadlines(source, { column: chance(random, 0.35) ? (chance(random, 0.7) ? "bracketed" : "plain") : "none" });
  return { kind: "article", lines: [...headlines, ...printBody(source, opening, drawBodyBudget(random))], authors: [] };
};

function findPlace(text: string): string {
  const opening = text.slice(0, OPENING_SCAN_CHARS);
  let best: { place: string; at: number } | null = null;
  for (const place of DATELINE_PLACES) {
    const at = opening.indexOf(place);
    if (at !== -1 && (best === null || at < best.at)) best = { place, at };
  }
  return best?.place ?? "北京";
}

/** The dateline's day: the broadcast day or the day before (copy filed the evening before). */
function drawDatelineDate(isoDate: string, random: Random): string {
  if (!chance(random, 0.4)) return isoDate;
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - ONE_DAY_MS).toISOString().slice(0, 10);
}

export const buildAgencyPage: FamilyBuilder = (context) => {
  const { corpus, random, itemCount } = context;
  // One source per page: the splits keep rmrb and xwlb in different years, so a mixed page would mix issues.
  const pool = chance(random, XINHUA_PAGE_SHARE) ? xinhuaArticles(corpus) : xwlbArticles(corpus);
  return printSources(drawSources(pool, itemCount, random), printAgencyItem, context);
};

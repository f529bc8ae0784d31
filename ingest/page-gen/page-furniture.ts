import { formatFullDate } from "@/lib/byline/format";
import type { Random } from "@/lib/random/seeded-random";
import { drawInt, pickOne } from "./draw";

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const PAGE_SECTIONS = ["要闻", "综合", "国内", "国际", "经济", "社会", "文化", "体育", "评论", "副刊", "地方", "专版"];
const MASTHEADS = ["人民日报", "山西日报", "太原日报", "新华每日电讯", "光明日报"];

/** A page header or folio line that belongs to no item: 2020年2月14日 星期五, 第4版 要闻. */
export function drawPageFurniture(isoDate: string, random: Random): string {
  const date = `${formatFullDate(isoDate)} ${WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()] ?? ""}`.trim();
  const folio = `第${drawInt(random, 1, 20)}版 ${pickOne(random, PAGE_SECTIONS)}`;
  return pickOne(random, [date, folio, `${pickOne(random, MASTHEADS)} ${date}`, `${folio} ${formatFullDate(isoDate)}`]);
}

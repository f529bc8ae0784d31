import type { Random } from "@/lib/random/seeded-random";
import { formatMonthDay } from "@/lib/byline/format";
import { chance, drawInt, pickOne, pickSome } from "./draw";

/** A printed table: header and rows of cells, and the note lines under it. */
export type TableData = { title: string; header: string[]; rows: string[][]; notes: string[] };

const CITIES = ["北京", "天津", "石家庄", "太原", "呼和浩特", "沈阳", "长春", "哈尔滨", "上海", "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁", "海口", "重庆", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁", "银川", "乌鲁木齐", "大连", "青岛", "宁波", "厦门", "深圳"];
const PROVINCES = ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"];
const WEATHER = ["晴", "多云", "阴", "小雨", "阵雨", "小雪", "晴转多云", "多云转阴"];
/** 全省规上工业增加值年均增速达到6.2% → 规上工业增加值年均增速 | 6.2%. */
const FIGURE = /(\p{Script=Han}{2,10}?)(?:达到|达|为|增长|下降|超过|突破|增至|提高到)(\d+(?:\.\d+)?)(%|万元|亿元|万亿元|万人|万吨|个|家|人|项|户|公里|万户|元|吨|亩|所|座)/gu;
const MIN_FIGURE_ROWS = 3;
const MAX_ROWS = 12;

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** A table of regions and figures in one of the shapes papers print (air quality, prices, output, weather). */
export function drawRegionTable(isoDate: string, random: Random): TableData {
  const day = formatMonthDay(isoDate);
  const month = `${Number(isoDate.slice(5, 7))}月`;
  const year = isoDate.slice(0, 4);
  const cities = pickSome(random, CITIES, drawInt(random, 5, MAX_ROWS));
  switch (drawInt(random, 0, 3)) {
    case 0:
      return {
        title: `${day}部分城市空气质量`,
        header: ["城市", "空气质量指数", "首要污染物", "级别"],
        rows: cities.map((city) => {
          const aqi = drawInt(random, 25, 180);
          return [city, String(aqi), aqi <= 50 ? "—" : pickOne(random, ["PM2.5", "PM10", "臭氧", "二氧化氮"]), aqi <= 50 ? "优" : aqi <= 100 ? "良" : "轻度污染"];
        }),
        notes: [pickOne(random, ["注：数据来源于生态环境部。", "数据来源：中国环境监测总站", "注：“—”表示无首要污染物。"])],
      };
    case 1:
      return {
        title: `${month}份部分城市新建商品住宅销售价格指数`,
        header: ["城市", "环比", "同比"],
        rows: cities.map((city) => [city, fixed(99 + random() * 2.2, 1), fixed(99.5 + random() * 12, 1)]),
        notes: ["注：上月=100，上年同月=100。", "数据来源：国家统计局"].slice(0, drawInt(random, 1, 2)),
      };
    case 2:
      return {
        title: `${Number(year) - 1}年部分地区生产总值`,
        header: ["地区", "生产总值（亿元）", "比上年增长（%）"],
        rows: pickSome(random, PROVINCES, cities.length).map((province) => [province, fixed(1500 + random() * 100000, 2), fixed(4.5 + random() * 4.5, 1)]),
        notes: [pickOne(random, ["注：增长速度按可比价格计算。", "1.本表为初步核算数；2.增长速度按可比价格计算。"])],
      };
    default:
      return {
        title: `${day}主要城市天气预报`,
        header: ["城市", "天气", "最高气温（℃）", "最低气温（℃）"],
        rows: cities.map((city) => {
          const low = drawInt(random, -15, 18);
          return [city, pickOne(random, WEATHER), String(low + drawInt(random, 4, 12)), String(low)];
        }),
        notes: chance(random, 0.5) ? ["中央气象台供稿"] : [],
      };
  }
}

/** The figures an article states (指标 and value), as a two-column table; null when it states too few. */
export function extractFigureTable(paragraphs: readonly string[], title: string): TableData | null {
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const match of paragraphs.join("").matchAll(FIGURE)) {
    const label = match[1] ?? "";
    if (seen.has(label)) continue;
    seen.add(label);
    rows.push([label, `${match[2] ?? ""}${match[3] ?? ""}`]);
  }
  if (rows.length < MIN_FIGURE_ROWS) return null;
  return { title: `${title}主要数据`, header: ["指标", "数值"], rows: rows.slice(0, MAX_ROWS), notes: [] };
}

/** Table lines as the OCR returns them: one line per row, cells separated by tabs. */
export function printTableRows(table: TableData): string[] {
  return [table.header, ...table.rows].map((cells) => cells.join("\t"));
}

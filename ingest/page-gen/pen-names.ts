import type { Random } from "@/lib/random/seeded-random";
import { chance, pickOne } from "./draw";

/**
 * Pen names as 副刊 pages print them under a headline: two or three characters that read like a
 * literary name (海客, 青禾, 晓风), mostly not starting with a common surname, so a reader cannot
 * tell them from names by the surname alone.
 */
const FIRST = [..."晓若青半一秋春沐听望清素云山石溪竹墨雨雪月风星寒野拾知远禾苇岚澜闻觅归乐"];
const SECOND = [..."客风水禾舟川岚溪樵石人子生言痕帆露鸣歌耕尘笛辰远梅桥舍庐翁斋"];
const MIDDLE = [..."山水月风云竹石之亦"];

export function drawPenName(random: Random): string {
  const middle = chance(random, 0.2) ? pickOne(random, MIDDLE) : "";
  return `${pickOne(random, FIRST)}${middle}${pickOne(random, SECOND)}`;
}

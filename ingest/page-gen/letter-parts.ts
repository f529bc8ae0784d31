import type { Random } from "@/lib/random/seeded-random";
import { pickOne } from "./draw";

/**
 * Headlines, salutations and signers for open letters and appeals (致全市人民的一封信), which the
 * corpus holds too few of: the body under them is real prose, the frame is drawn from these.
 */
const AUDIENCES = ["全市人民", "全省广大医务工作者", "广大青年朋友", "全县父老乡亲", "广大家长朋友", "全体共产党员", "广大志愿者", "全省广大农民朋友", "广大退役军人", "全市中小学生家长", "社区居民朋友"];
const LETTER_TITLES = ["致{a}的一封信", "致{a}的慰问信", "致{a}的公开信", "致{a}的倡议书", "写给{a}的信"];
const PROVINCES = ["山西", "河北", "湖北", "浙江", "四川", "广东", "江苏", "陕西", "河南", "山东", "云南", "甘肃"];
const CITIES = ["太原", "石家庄", "武汉", "杭州", "成都", "广州", "南京", "西安", "郑州", "济南", "昆明", "兰州"];
const ORGANISATIONS = ["中共{p}省委 {p}省人民政府", "{p}省卫生健康委员会", "{c}市新冠肺炎疫情防控指挥部", "共青团{p}省委", "{p}省妇女联合会", "{c}市教育局", "{c}市文明办", "{p}省退役军人事务厅", "{c}市红十字会", "{p}省总工会"];

export type LetterFrame = { title: string; salutation: string; signer: string };

export function drawLetterFrame(random: Random): LetterFrame {
  const audience = pickOne(random, AUDIENCES);
  const organisation = pickOne(random, ORGANISATIONS).replaceAll("{p}", pickOne(random, PROVINCES)).replaceAll("{c}", pickOne(random, CITIES));
  return {
    title: pickOne(random, LETTER_TITLES).replace("{a}", audience),
    salutation: `${pickOne(random, ["", "亲爱的", "尊敬的"])}${audience}：`,
    signer: organisation,
  };
}

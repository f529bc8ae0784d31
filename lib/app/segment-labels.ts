import type { WeakestLine } from "@/lib/article/types";
import type { LineLabel } from "@/lib/segmenter/labels";

/** The segmenter's line labels as a librarian calls them. */
export const LINE_LABEL_NAMES: Readonly<Record<LineLabel, string>> = {
  column: "栏目",
  kicker: "引题",
  title: "标题",
  subtitle: "副题",
  penname: "笔名署名",
  start: "正文首段",
  para: "新段落",
  cont: "上行续文",
  resume: "被隔断的续文",
  subhead: "小标题",
  caption: "图片说明",
  credit: "摄影等署名",
  table: "表格",
  byline: "文末署名",
  signdate: "落款日期",
  other: "版面杂项",
};

/** The segmenter's least certain decision (item-confidence.ts) in Chinese; a text stored before it was data, as it is. */
export function describeWeakestLine(weakest: WeakestLine | string): string {
  if (typeof weakest === "string") return weakest;
  const name = (value: string) => LINE_LABEL_NAMES[value as LineLabel] ?? value;
  return `第 ${weakest.line} 行“${weakest.text}”：判为${name(weakest.label)}，也可能是${name(weakest.runnerUp)}`;
}

/**
 * Words printed in two forms that searching does not fold together (异形词, from the 《第一批异形词
 * 整理表》 and common newspaper usage): Traditional/Simplified and width are folded by
 * normalisation already, these are not. Older prose often uses the second form. A query that
 * finds nothing is offered the other form (lib/app/query-suggestions.ts).
 */
export const VARIANT_WORD_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["唯一", "惟一"],
  ["笔画", "笔划"],
  ["按语", "案语"],
  ["辈分", "辈份"],
  ["参与", "参预"],
  ["成分", "成份"],
  ["筹划", "筹画"],
  ["计划", "计画"],
  ["分量", "份量"],
  ["身份", "身分"],
  ["精彩", "精采"],
  ["丰富多彩", "丰富多采"],
  ["思维", "思惟"],
  ["含糊", "含胡"],
  ["糊涂", "胡涂"],
  ["模糊", "模胡"],
  ["恍惚", "恍忽"],
  ["机灵", "机伶"],
  ["流连", "留连"],
  ["啰唆", "啰嗦"],
  ["人才", "人材"],
  ["倒霉", "倒楣"],
  ["交代", "交待"],
  ["叮咛", "丁宁"],
  ["答复", "答覆"],
  ["其他", "其它"],
  ["账目", "帐目"],
  ["账户", "帐户"],
  ["账本", "帐本"],
  ["记账", "记帐"],
  ["订单", "定单"],
  ["服侍", "伏侍"],
  ["规诫", "规戒"],
];

/** The text with each variant word swapped for its other form; the text itself when it holds none. */
export function listVariantForms(text: string): string[] {
  const forms = new Set<string>();
  for (const [preferred, other] of VARIANT_WORD_PAIRS) {
    if (text.includes(preferred)) forms.add(text.replaceAll(preferred, other));
    if (text.includes(other)) forms.add(text.replaceAll(other, preferred));
  }
  forms.delete(text);
  return [...forms];
}

/**
 * Which source material each split may use. The segmenter is tuned on dev and judged on test, so
 * no month or year of a test source may reach training: the splits share no rmrb month and no
 * xwlb year.
 */

export const PAGE_SPLITS = ["train", "dev", "test"] as const;
export type PageSplit = (typeof PAGE_SPLITS)[number];

/** rmrb month folders (data/rmrb/YYYY年M月) per split. */
export const RMRB_MONTHS: Readonly<Record<PageSplit, readonly string[]>> = {
  train: ["2019年2月", "2019年10月"],
  dev: ["2020年1月"],
  test: ["2020年2月"],
};

/** xwlb item years per split, inclusive. */
export const XWLB_YEARS: Readonly<Record<PageSplit, readonly [number, number]>> = {
  train: [2012, 2017],
  dev: [2018, 2020],
  test: [2021, 2026],
};

export function isXwlbYearInSplit(year: number, split: PageSplit): boolean {
  const [from, to] = XWLB_YEARS[split];
  return year >= from && year <= to;
}

/** The split an ISO date of a source belongs to, or null when no split uses it. */
export function findSplitOfDate(isoDate: string, origin: "rmrb" | "xwlb"): PageSplit | null {
  const year = Number(isoDate.slice(0, 4));
  const month = `${year}年${Number(isoDate.slice(5, 7))}月`;
  return PAGE_SPLITS.find((split) => (origin === "rmrb" ? RMRB_MONTHS[split].includes(month) : isXwlbYearInSplit(year, split))) ?? null;
}

/** Display formats for the reader (dates in Chinese, counts with separators). */

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"] as const;

/** 2019-02-21 → 2019年2月21日 (the calendar date as printed, no time zone involved). */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month) return iso;
  return day ? `${year}年${month}月${day}日` : `${year}年${month}月`;
}

/** 2019-02-21 → 星期四. */
export function formatWeekday(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return `星期${WEEKDAYS[weekday] ?? ""}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString("zh-CN");
}

export function formatPage(page: number | null): string {
  return page === null ? "版次不详" : `第${page}版`;
}

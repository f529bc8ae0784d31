/**
 * Dates and page numbers read from file paths, and full dates found in text.
 *
 * Archives encode the issue date in names (20190221, 2019-02-21) or in folders
 * (2019/02/21); the per-article rmrb layout adds page and position
 * (20190221-01-03.txt is page 1, third article). Only real calendar dates count.
 */

export type PathInfo = {
  /** YYYY-MM-DD, or null when the path names no valid date. */
  date: string | null;
  page: number | null;
  /** Position of the article on its page (rmrb YYYYMMDD-PP-NN names), else null. */
  position: number | null;
};

const MIN_YEAR = 1840;
const MAX_YEAR = 2100;

/** Reads date, page and position from a relative path; the deepest segment that names a date wins. */
export function readDateFromPath(relPath: string): PathInfo {
  const segments = relPath.replace(/\\/g, "/").split("/").filter((segment) => segment.length > 0);
  const folderDate = readFolderDate(segments);
  for (let i = segments.length - 1; i >= 0; i--) {
    const found = readSegment(segments[i] ?? "");
    if (found.date) return { ...found, page: found.page ?? (i === segments.length - 1 ? null : readPageFromName(segments.at(-1) ?? "")) };
  }
  const fileName = segments.at(-1) ?? "";
  return { date: folderDate, page: folderDate ? readPageFromName(fileName) : null, position: null };
}

/** A file or folder name: rmrb YYYYMMDD-PP-NN first, then YYYY-MM-DD-like, then a bare YYYYMMDD. */
function readSegment(segment: string): PathInfo {
  const rmrb = /(?<!\d)(\d{4})(\d{2})(\d{2})-(\d{1,3})-(\d{1,3})(?!\d)/.exec(segment);
  if (rmrb) {
    const date = toIsoDate(rmrb[1], rmrb[2], rmrb[3]);
    if (date) return { date, page: toPositive(rmrb[4]), position: toPositive(rmrb[5]) };
  }
  const separated = /(?<!\d)(\d{4})[-_.年](\d{1,2})[-_.月](\d{1,2})(?!\d)/.exec(segment);
  const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(segment);
  for (const match of [separated, compact]) {
    const date = match ? toIsoDate(match[1], match[2], match[3]) : null;
    if (date) return { date, page: readPageAfterDate(segment, match?.index ?? 0, match?.[0].length ?? 0), position: null };
  }
  return { date: null, page: null, position: null };
}

/** YYYY/MM/DD spread over three consecutive folders (the day may also begin the file name, as in 21.txt). */
function readFolderDate(segments: readonly string[]): string | null {
  for (let i = segments.length - 3; i >= 0; i--) {
    const [year, month, day] = [segments[i], segments[i + 1], segments[i + 2]];
    if (!year || !month || !day || !/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month)) continue;
    const dayMatch = /^(\d{1,2})(?:$|[._-])/.exec(day);
    const date = dayMatch ? toIsoDate(year, month, dayMatch[1]) : null;
    if (date) return date;
  }
  return null;
}

/** "-PP" right after a date (20190221-04.txt), as in the rmrb naming without a position. */
function readPageAfterDate(segment: string, dateStart: number, dateLength: number): number | null {
  const rest = segment.slice(dateStart + dateLength);
  const match = /^[-_](\d{1,3})(?:\.[a-z0-9]+)?$/i.exec(rest);
  return match ? toPositive(match[1]) : readPageFromName(rest);
}

/** Page words in a file name: 第4版, 04版, page-04, p04. */
function readPageFromName(name: string): number | null {
  const match = /第\s*(\d{1,3})\s*版|(?<!\d)(\d{1,3})\s*版|(?:^|[^a-z])(?:page|p)[-_ ]?(\d{1,3})(?!\d)/i.exec(name);
  return match ? toPositive(match[1] ?? match[2] ?? match[3]) : null;
}

/** YYYY-MM-DD when the parts form a real calendar date in the accepted range, else null. */
export function toIsoDate(year: string | number | undefined, month: string | number | undefined, day: string | number | undefined): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!isValidCalendarDate(y, m, d)) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Accepts YYYY-MM-DD (and YYYYMMDD, YYYY/MM/DD, YYYY年M月D日) and returns the ISO form, or null when it is not a real date. */
export function normalizeDateString(value: string): string | null {
  const trimmed = value.trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  return match ? toIsoDate(match[1], match[2], match[3]) : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toPositive(value: string | undefined): number | null {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const NUMERAL = "[0-9０-９〇零一二三四五六七八九十]";
const FULL_DATE = new RegExp(`(${NUMERAL}{4})\\s*年\\s*(${NUMERAL}{1,3})\\s*月\\s*(${NUMERAL}{1,3})\\s*日`, "g");

/**
 * The latest full date (year, month and day) written in the text, as YYYY-MM-DD, or null.
 * Printed pages carry their own issue date and mention older ones, so the latest is the best guess.
 */
export function inferDateFromText(text: string): string | null {
  let latest: string | null = null;
  for (const match of text.matchAll(FULL_DATE)) {
    const date = toIsoDate(readYear(match[1] ?? ""), readSmallNumber(match[2] ?? ""), readSmallNumber(match[3] ?? ""));
    if (date && (latest === null || date > latest)) latest = date;
  }
  return latest;
}

/** Years are written digit by digit: 2019, ２０１９ or 二〇一九. */
function readYear(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = readDigit(char);
    if (digit === null) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Months and days: 3, 03, ３, 三, 十, 十二, 二十四, 三十一. */
function readSmallNumber(text: string): number {
  if (!text.includes("十")) return readYear(text);
  const [tens, units] = text.split("十");
  const tensValue = tens === "" ? 1 : readDigit(tens ?? "");
  const unitsValue = units === "" ? 0 : readDigit(units ?? "");
  if (tensValue === null || unitsValue === null) return Number.NaN;
  return tensValue * 10 + unitsValue;
}

function readDigit(char: string): number | null {
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[０-９]$/.test(char)) return char.charCodeAt(0) - 0xff10;
  return CHINESE_DIGITS[char] ?? null;
}
